// Video facades: nothing loads from YouTube or Vimeo until the reader clicks.
// Without JavaScript the facade is a plain link to the video's page.
document.addEventListener("click", (event) => {
  const facade = event.target.closest("a[data-embed-url]");
  if (!facade) return;
  event.preventDefault();
  const frame = document.createElement("iframe");
  frame.src = facade.dataset.embedUrl;
  frame.title = facade.dataset.title;
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  facade.replaceWith(frame);
  frame.focus();
});
