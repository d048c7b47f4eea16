"""The editor's desk: what the admin home shows an Editor or a Writer about articles.

Each list is short and costs one or two queries whatever the number of articles, so
the desk stays as quick at 20,000 articles as at 20.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from articles.admin_forms import site_time
from articles.models import Article, Entry
from core.translated import columns

# How many articles each list shows: a glance, not a second changelist.
DESK_LIST_LENGTH = 6
# How far back "changed by others" reads the admin's log; the same article changed many
# times in a row fills the window with itself, so read a few times what is shown.
LOG_WINDOW = DESK_LIST_LENGTH * 8
# "This week" for the NEW! badges: the badges that end within this many days.
BADGE_HORIZON = timedelta(days=7)


@dataclass
class DeskRow:
    """One article on the desk: its title, its change page, and a short note."""

    title: str
    url: str
    note: str = ""


@dataclass
class DeskSection:
    key: str  # names the section in the page (id="desk-<key>")
    heading: str
    empty: str  # what the section says when it lists nothing
    rows: list = field(default_factory=list)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def when(moment):
    # Translators: Django date format characters, as for "admin date and time".
    # The desk names the newsroom's time zone once, above the lists.
    return site_time(
        moment, pgettext("admin date and time, no weekday", "j M Y, H:i"), name_zone=False
    )


def desk_for(user, now=None):
    """The desk of `user`, in order: their drafts, the schedule, what went live, what
    others changed, and whose NEW! badges end within the week."""
    now = now or timezone.now()
    # Titles and times only: an article row also carries the text of all its songs.
    scheduled = Article.objects.scheduled().only(*columns(Article, "pk", "title", "published_at"))
    published = (
        Article.objects.published()
        .only(*columns(Article, "pk", "title", "published_at"))
        .newest_first()
    )
    return [
        DeskSection(
            "drafts",
            _("My drafts"),
            _("You have no drafts."),
            [
                DeskRow(
                    a.title, change_url(a), _("Last saved %(when)s") % {"when": when(a.updated_at)}
                )
                for a in my_drafts(user)
            ],
        ),
        DeskSection(
            "scheduled",
            _("Scheduled"),
            _("Nothing is scheduled."),
            [
                DeskRow(
                    a.title, change_url(a), _("Goes live %(when)s") % {"when": when(a.published_at)}
                )
                for a in scheduled.order_by("published_at", "pk")[:DESK_LIST_LENGTH]
            ],
        ),
        DeskSection(
            "published",
            _("Recently published"),
            _("Nothing published yet."),
            [
                DeskRow(
                    a.title,
                    change_url(a),
                    _("Live since %(when)s") % {"when": when(a.published_at)},
                )
                for a in published[:DESK_LIST_LENGTH]
            ],
        ),
        DeskSection(
            "changed",
            _("Recently changed by others"),
            _("Nobody else has changed an article lately."),
            [
                DeskRow(
                    article.title,
                    change_url(article),
                    _("%(who)s, %(when)s") % {"who": who, "when": when(at)},
                )
                for article, who, at in changed_by_others(user)
            ],
        ),
        DeskSection(
            "badges",
            _("NEW! badges ending this week"),
            _("No NEW! badge ends this week."),
            [
                DeskRow(
                    article.title,
                    change_url(article),
                    ngettext(
                        "%(count)s entry loses its badge from %(when)s",
                        "%(count)s entries lose their badges from %(when)s",
                        count,
                    )
                    % {"count": count, "when": when(ends_at)},
                )
                for article, count, ends_at in expiring_badges(now)
            ],
        ),
    ]


def my_drafts(user):
    drafts = Article.objects.drafts().filter(author=user).order_by("-updated_at", "-pk")
    return list(drafts.only(*columns(Article, "pk", "title", "updated_at"))[:DESK_LIST_LENGTH])


def changed_by_others(user):
    """(article, who, when) for the articles other people added or changed last,
    newest first, each once."""
    log = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Article),
            action_flag__in=[ADDITION, CHANGE],
        )
        .exclude(user=user)
        .select_related("user")
        .order_by("-action_time", "-pk")[:LOG_WINDOW]
    )
    latest = {}
    for entry in log:
        if entry.object_id not in latest:
            latest[entry.object_id] = entry
        if len(latest) == DESK_LIST_LENGTH:
            break
    # Deleted articles drop out here; the log keeps their rows.
    articles = Article.objects.only(
        *columns(Article, "pk", "title", "status", "published_at")
    ).in_bulk([int(key) for key in latest if key.isdigit()])
    return [
        (articles[int(key)], entry.user.get_username(), entry.action_time)
        for key, entry in latest.items()
        if key.isdigit() and int(key) in articles
    ]


def expiring_badges(now):
    """(article, entry count, first end) for the published articles with entries whose
    NEW! badge ends between now and a week from now, the soonest first."""
    badge_life = timedelta(days=settings.NEW_BADGE_DAYS)
    soon_old = (
        Entry.objects.filter(
            added_at__gt=now - badge_life,
            added_at__lte=now - badge_life + BADGE_HORIZON,
            article__in=Article.objects.published(),
        )
        .values("article")
        .annotate(first_added=Min("added_at"), count=Count("pk"))
        .order_by("first_added", "article")[:DESK_LIST_LENGTH]
    )
    rows = list(soon_old)
    articles = Article.objects.only(*columns(Article, "pk", "title")).in_bulk(
        [row["article"] for row in rows]
    )
    return [
        (articles[row["article"]], row["count"], row["first_added"] + badge_life) for row in rows
    ]
