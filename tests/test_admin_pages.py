"""Every model the admin shows: its list, search, add and change pages answer, with the
demo content in them."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

ADMIN_MODELS = [model for model in apps.get_models() if admin.site.is_registered(model)]


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda m: m._meta.label)
def test_admin_changelist_and_add_pages_answer(demo, admin_client, admin_user, rf, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "米津"}).status_code == 200
    add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    request = rf.get(add)
    request.user = admin_user
    # Read-only admins (django-axes' log-in records) refuse "add" even to a superuser.
    addable = admin.site._registry[model].has_add_permission(request)
    assert admin_client.get(add).status_code == (200 if addable else 403)
    first = model.objects.first()
    if first is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
        assert admin_client.get(change).status_code == 200
