"""HTML pages of the notification inbox (all my communities) and of my preferences in one community."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from communities import inbox
from communities.mixins import CommunityMixin, ServiceFormMixin


class InboxView(LoginRequiredMixin, TemplateView):
    template_name = "communities/notifications/inbox.html"
    paginate_by = 20

    def get_context_data(self, **kwargs):
        unread_only = self.request.GET.get("unread") == "1"
        paginator = Paginator(
            inbox.notification_list(user=self.request.user, unread=unread_only), self.paginate_by
        )
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            page_obj=page, notifications=page.object_list, unread_only=unread_only
        )


class NotificationReadView(LoginRequiredMixin, View):
    """POST: mark one notification read, then follow its link when asked (`open=1`) or go back."""

    def post(self, request, notification_id):
        notification = inbox.notification_mark_read(actor=request.user, notification_id=notification_id)
        if request.POST.get("open") == "1" and url_has_allowed_host_and_scheme(
            notification.url, allowed_hosts={request.get_host()}
        ):
            return redirect(notification.url)
        return redirect("communities:notifications")


class NotificationReadAllView(LoginRequiredMixin, View):
    def post(self, request):
        count = inbox.notification_mark_all_read(actor=request.user)
        messages.success(request, _("%(count)d notifications marked read.") % {"count": count})
        return redirect("communities:notifications")


class PreferencesForm(forms.Form):
    """Two checkboxes per group of notifications: in the inbox, by email."""

    def __init__(self, *args, preferences, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(inbox.NOTIFICATION_GROUPS)
        self.rows = []
        for preference in preferences:
            key = preference.kind
            self.fields[f"{key}_in_app"] = forms.BooleanField(
                label=_("In the inbox"), required=False, initial=preference.in_app
            )
            self.fields[f"{key}_email"] = forms.BooleanField(
                label=_("By email"), required=False, initial=preference.email
            )
            self.rows.append((key, labels[key]))

    def bound_rows(self):
        return [(label, self[f"{key}_in_app"], self[f"{key}_email"]) for key, label in self.rows]


class NotificationSettingsView(CommunityMixin, LoginRequiredMixin, ServiceFormMixin, FormView):
    template_name = "communities/notifications/settings.html"
    form_class = PreferencesForm
    capability = "participate"

    def get_form_kwargs(self):
        preferences = inbox.preference_list(community=self.community, user=self.request.user)
        return {**super().get_form_kwargs(), "preferences": preferences}

    def perform(self, form):
        for key, _label in form.rows:
            inbox.preference_set(
                actor=self.request.user,
                community=self.community,
                kind=key,
                in_app=form.cleaned_data[f"{key}_in_app"],
                email=form.cleaned_data[f"{key}_email"],
            )
        messages.success(self.request, _("Your notification settings are saved."))
        return redirect("communities:notification-settings", slug=self.community.slug)
