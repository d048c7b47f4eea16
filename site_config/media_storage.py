"""Where uploaded images are kept: the web server's disk by default, or any
S3-compatible bucket (MEDIA_STORAGE=s3), and the origins the pages load them from."""

import os


def storages(media_storage, debug):
    """Django's STORAGES, and the origins of uploaded images for the Content-Security-Policy."""
    static_backend = (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
        if debug
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    staticfiles = {"BACKEND": static_backend}
    if media_storage != "s3":
        default = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
        return {"default": default, "staticfiles": staticfiles}, []
    # Any S3-compatible store (`pip install -e ".[s3]"`). Credentials come the usual
    # boto3 way: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the instance's role.
    options = {
        "bucket_name": os.environ["MEDIA_BUCKET"],
        "endpoint_url": os.environ.get("MEDIA_ENDPOINT_URL") or None,
        "region_name": os.environ.get("MEDIA_REGION") or None,
        "custom_domain": os.environ.get("MEDIA_CUSTOM_DOMAIN") or None,
        "file_overwrite": False,
        "querystring_auth": False,
    }
    default = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    return {"default": default, "staticfiles": staticfiles}, bucket_origins(options)


def bucket_origins(options):
    """The origins a bucket's images are served from."""
    if options["custom_domain"]:
        return [f"https://{options['custom_domain']}"]
    if options["endpoint_url"]:
        return [options["endpoint_url"].rstrip("/")]
    # AWS itself: the bucket's global or regional host name.
    bucket = options["bucket_name"]
    origins = [f"https://{bucket}.s3.amazonaws.com"]
    if options["region_name"]:
        origins.append(f"https://{bucket}.s3.{options['region_name']}.amazonaws.com")
    return origins
