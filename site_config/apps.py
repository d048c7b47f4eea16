from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """Django's admin, with the newsroom's site (site_config/admin_site.py) as admin.site."""

    default_site = "site_config.admin_site.NewsroomAdminSite"
