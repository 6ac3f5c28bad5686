"""HTML pages of communities: directory, creation, home and the operators' settings."""

import copy

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView, View

from communities import fragments, selectors, services, versioning
from communities.arrival import RememberArrivalMixin
from communities.forms import (
    CommunityBrandingForm,
    CommunityCreateForm,
    CommunityProfileForm,
    DeleteCommunityForm,
    DirectoryFilterForm,
    RuleForm,
)
from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.models import Rule
from communities.roles import Role


class DirectoryView(ListView):
    template_name = "communities/directory.html"
    context_object_name = "communities"
    paginate_by = 24

    def get_queryset(self):
        self.filter_form = DirectoryFilterForm(self.request.GET or None)
        params = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        communities = selectors.community_directory(
            search=params.get("q", ""),
            skill_domain=params.get("domain", ""),
            ordering=params.get("sort") or "activity",
        )
        return communities.only(*CARD_FIELDS)

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        context = super().get_context_data(
            filter_form=self.filter_form,
            filtered=bool(self.request.GET.get("q") or self.request.GET.get("domain")),
            page_query=query.urlencode(),
            **kwargs,
        )
        context["cards"] = community_cards(context["communities"])
        # The form shows only the query (its choices are fixed): kept by content (decision 0018).
        query = sorted(self.request.GET.lists())
        context["filters_key"] = fragments.digest(
            "directory-filters", fragments.release(), fragments.locale_parts(), query
        )
        return context


CARD_TEMPLATE = "communities/_card.html"
# The columns the card shows: loaded alone, they are also the whole of its cache key.
CARD_FIELDS = (
    "slug",
    "name",
    "tagline",
    "logo",
    "accent_color",
    "skill_domain",
    "member_count",
    "join_policy",
)


def community_cards(communities) -> str:
    """The directory's cards, each rendered from its own row only (no related object) and kept in the
    cache by the row's values, the language and the release (decision 0018). The page's run of cards is
    kept too, under the digest of its cards' keys, so a page read is one cache round trip."""
    template = get_template(CARD_TEMPLATE)
    scope = (fragments.release(), translation.get_language())
    communities = list(communities)
    keys = {
        community.pk: "card:" + fragments.digest(scope, fragments.row_values(community))
        for community in communities
    }

    def build_run() -> str:
        cards = fragments.memo_many(
            communities, key=lambda c: keys[c.pk], build=lambda c: template.render({"community": c})
        )
        return "".join(cards)

    run = fragments.memo("cards:" + fragments.digest(list(keys.values())), build_run)
    return mark_safe(run)  # noqa: S308 - rendered by the template, escaped there


class MyCommunitiesView(LoginRequiredMixin, ListView):
    template_name = "communities/mine.html"
    context_object_name = "communities"

    def get_queryset(self):
        user = self.request.user
        communities = list(
            selectors.with_viewer_membership(selectors.community_list_for_member(user=user), user=user)
        )
        for community in communities:
            community.my_role_label = Role(community.my_role).label
        return communities


class CommunityCreateView(LoginRequiredMixin, ServiceFormMixin, FormView):
    template_name = "communities/create.html"
    form_class = CommunityCreateForm

    def get_initial(self):
        """Start from the creator's language and time zone: most communities share their founder's."""
        return {"language": translation.get_language(), "timezone": self.request.user.timezone}

    def get_context_data(self, **kwargs):
        restricted = settings.COMMUNITY_CREATION_STAFF_ONLY and not self.request.user.is_staff
        return super().get_context_data(creation_restricted=restricted, **kwargs)

    def perform(self, form):
        fields = {name: value for name, value in form.cleaned_data.items() if value not in (None, False)}
        community = services.community_create(actor=self.request.user, **fields)
        messages.success(self.request, _("Your community “%(name)s” is ready.") % {"name": community.name})
        return redirect("communities:home", slug=community.slug)


class CommunityHomeView(CommunityMixin, RememberArrivalMixin, TemplateView):
    """The community's public face. What it says about itself and its rules are kept in the cache
    (`{% cached about_key %}`) under the community's row and its rules version (decision 0018): a hit
    reads no rule; an edit of the community or of a rule changes the key at once."""

    capability = PUBLIC
    template_name = "communities/home.html"

    def about_key(self) -> str | None:
        version = versioning.rules_version(self.community)
        if version is None:
            return None
        scope = (fragments.release(), fragments.row_values(self.community), version, fragments.locale_parts())
        return fragments.digest("community-about", scope)

    @cached_property
    def rule_groups(self) -> list[tuple[str, list[Rule]]]:
        labels = dict(Rule.Category.choices)
        grouped = {}
        for rule in selectors.rule_list(community=self.community):
            grouped.setdefault(rule.category, []).append(rule)
        return [(labels[key], grouped[key]) for key in Rule.Category.values if key in grouped]

    @cached_property
    def rules_version(self):
        return selectors.rules_version_current(community=self.community)

    def frame_keys(self) -> dict[str, str]:
        """Keys by content for the hero and the facts card: the community's row (its member count
        included), the viewer's standing in it, the language and the release."""
        membership = self.membership
        standing = (membership.role, membership.status) if membership else None
        scope = (fragments.release(), fragments.row_values(self.community), fragments.locale_parts())
        return {
            "hero_key": fragments.digest("community-hero", scope, standing),
            "glance_key": fragments.digest("community-glance", scope),
        }

    def get_context_data(self, **kwargs):
        # The key first: its version is read before any rule (communities.fragments.bump).
        return super().get_context_data(
            about_key=self.about_key(), community_stats=self.community, **self.frame_keys(), **kwargs
        )


# --- Settings ---------------------------------------------------------------------------------------------


class SettingsMixin(CommunityMixin):
    """A settings tab: `tab` marks the current one in the tab bar."""

    tab = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(tab=self.tab, **kwargs)


class SettingsProfileView(SettingsMixin, ServiceFormMixin, FormView):
    capability = "manage_community"
    tab = "profile"
    template_name = "communities/settings_profile.html"
    form_class = CommunityProfileForm

    def get_form_kwargs(self):
        # A copy: a rejected form must not change the community shown around it.
        return {**super().get_form_kwargs(), "instance": copy.copy(self.community)}

    def perform(self, form):
        fields = {name: form.cleaned_data[name] for name in form.changed_data}
        services.community_update(actor=self.request.user, community=self.community, **fields)
        messages.success(self.request, _("The profile is saved."))
        return redirect("communities:settings-profile", slug=self.community.slug)


class SettingsBrandingView(SettingsProfileView):
    tab = "branding"
    template_name = "communities/settings_branding.html"
    form_class = CommunityBrandingForm

    def perform(self, form):
        services.community_update(actor=self.request.user, community=self.community, **form.changes())
        messages.success(self.request, _("The branding is saved."))
        return redirect("communities:settings-branding", slug=self.community.slug)


class SettingsRulesView(SettingsMixin, ServiceFormMixin, FormView):
    capability = "manage_rules"
    tab = "rules"
    template_name = "communities/settings_rules.html"
    form_class = RuleForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rules=selectors.rule_list(community=self.community),
            versions=selectors.rules_version_list(community=self.community),
            **kwargs,
        )

    def perform(self, form):
        services.rule_create(actor=self.request.user, community=self.community, **form.cleaned_data)
        messages.success(self.request, _("The rule is added; members joining now accept the new version."))
        return redirect("communities:settings-rules", slug=self.community.slug)


class RuleMixin(SettingsMixin):
    capability = "manage_rules"
    tab = "rules"

    @cached_property
    def rule(self) -> Rule:
        return selectors.rule_get(community=self.community, rule_id=self.kwargs["rule_id"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(rule=self.rule, **kwargs)

    def back_to_rules(self):
        return redirect("communities:settings-rules", slug=self.community.slug)


class RuleEditView(RuleMixin, ServiceFormMixin, FormView):
    template_name = "communities/rule_edit.html"
    form_class = RuleForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": copy.copy(self.rule)}

    def perform(self, form):
        services.rule_update(actor=self.request.user, rule=self.rule, **form.cleaned_data)
        messages.success(self.request, _("The rule is saved."))
        return self.back_to_rules()


class RuleDeleteView(RuleMixin, ServiceFormMixin, FormView):
    template_name = "communities/rule_delete.html"
    form_class = forms.Form

    def perform(self, form):
        services.rule_delete(actor=self.request.user, rule=self.rule)
        messages.success(self.request, _("The rule is deleted."))
        return self.back_to_rules()


class RuleMoveView(RuleMixin, View):
    """POST `direction=up|down`: swap the rule with its neighbour through `rules_reorder`."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        rule = self.rule
        order = list(selectors.rule_list(community=self.community).values_list("pk", flat=True))
        index = order.index(rule.pk)
        target = index - 1 if request.POST.get("direction") == "up" else index + 1
        if 0 <= target < len(order):
            order[index], order[target] = order[target], order[index]
            services.rules_reorder(actor=request.user, community=self.community, rule_ids=order)
        return self.back_to_rules()


class SettingsDangerView(SettingsMixin, ServiceFormMixin, FormView):
    """Archive or unarchive (POST `action`), or delete once the owner types the slug."""

    capability = "archive_community"
    tab = "danger"
    template_name = "communities/settings_danger.html"
    form_class = DeleteCommunityForm

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action in ("archive", "unarchive"):
            service = services.community_archive if action == "archive" else services.community_unarchive
            service(actor=request.user, community=self.community)
            done = (
                _("The community is archived.")
                if action == "archive"
                else _("The community is active again.")
            )
            messages.success(request, done)
            return redirect("communities:settings-danger", slug=self.community.slug)
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        name = self.community.name
        services.community_delete(
            actor=self.request.user, community=self.community, confirm_slug=form.cleaned_data["confirm_slug"]
        )
        messages.success(self.request, _("“%(name)s” is deleted.") % {"name": name})
        return redirect(reverse("communities:directory"))
