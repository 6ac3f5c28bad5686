"""Pages of posts: the list with its filters, one post (series navigation, operators' controls), writing
and editing with the editor, publishing, revisions, my posts, the review queue and the post settings;
and the editor's two helpers, the Markdown preview and the image upload."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from content.errors.posts import PostNotEditable
from content.forms.posts import (
    PostFilterForm,
    PostForm,
    PostImageForm,
    PostSettingsForm,
    PostTagForm,
    ReviewForm,
)
from content.models import PostStatus
from content.models.posts import BODY_MAX
from content.rendering import render_post_markdown
from content.selectors import posts as selectors
from content.services import posts as services

PAGE_SIZE = 20


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


class PostMixin(CommunityMixin):
    """A page about the post `post_id`, as the caller may see it (404 otherwise)."""

    @cached_property
    def current_post(self):
        return selectors.post_get(
            community=self.community, post_id=self.kwargs["post_id"], membership=self.membership
        )

    def may_edit(self) -> bool:
        return self.membership is not None and (
            self.current_post.author_id == self.membership.pk
            or has_capability(self.membership, "manage_content")
        )


class PostListView(CommunityMixin, TemplateView):
    capability = PUBLIC
    template_name = "content/posts/list.html"

    def get_context_data(self, **kwargs):
        form = PostFilterForm(self.request.GET or None, community=self.community)
        page = _page(self.request, selectors.post_list(community=self.community, **form.filters()))
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter_form=form, page_obj=page, posts=page.object_list, query=query.urlencode(), **kwargs
        )


class PostDetailView(PostMixin, TemplateView):
    capability = PUBLIC
    template_name = "content/posts/detail.html"

    def get_context_data(self, **kwargs):
        previous, following = selectors.series_neighbours(community=self.community, post=self.current_post)
        return super().get_context_data(
            post=self.current_post,
            body_html=render_post_markdown(self.current_post.body),
            previous_post=previous,
            next_post=following,
            may_edit=self.may_edit(),
            **kwargs,
        )


class PostFormMixin(CommunityMixin, ServiceFormMixin):
    form_class = PostForm
    template_name = "content/posts/edit.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "community": self.community, "membership": self.membership}

    def publish_requested(self) -> bool:
        return self.request.POST.get("action") == "publish"

    def finish(self, post, form):
        if self.publish_requested():
            post = services.post_publish(
                actor=self.request.user,
                community=self.community,
                post=post,
                publish_at=form.cleaned_data.get("publish_at"),
            )
        messages.success(self.request, STATUS_MESSAGES[post.status])
        return redirect("content:post-detail", slug=self.community.slug, post_id=post.pk)


STATUS_MESSAGES = {
    PostStatus.DRAFT: _("Draft saved."),
    PostStatus.PENDING: _("Sent for review: the operators will read it before it appears."),
    PostStatus.SCHEDULED: _("Scheduled: the post appears at the time you set."),
    PostStatus.PUBLISHED: _("Published."),
    PostStatus.REJECTED: _("Saved."),
}


class PostCreateView(PostFormMixin, FormView):
    capability = "participate"

    def get_initial(self):
        return {"kind": self.request.GET.get("kind", "tutorial")}

    def perform(self, form):
        data = form.cleaned_data
        post = services.post_create(
            actor=self.request.user,
            community=self.community,
            title=data["title"],
            body=data["body"],
            kind=data["kind"],
            skill_level=data["skill_level"],
            tags=data.get("tags") or [],
            series=data.get("series"),
        )
        return self.finish(post, form)


class PostEditView(PostMixin, PostFormMixin, FormView):
    capability = "participate"

    def get_form(self, form_class=None):
        if not self.may_edit():
            raise PostNotEditable()
        return super().get_form(form_class)

    def get_initial(self):
        post = self.current_post
        return {
            "title": post.title,
            "kind": post.kind,
            "skill_level": post.skill_level,
            "tags": [tagging.tag for tagging in post.taggings.all()],
            "series": post.series,
            "body": post.body,
            "publish_at": post.publish_at,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(post=self.current_post, **kwargs)

    def perform(self, form):
        data = form.cleaned_data
        changes = {name: data[name] for name in ("title", "body", "kind", "skill_level")}
        if "tags" in form.fields:
            changes["tags"] = data["tags"]
        if "series" in form.fields:
            changes["series"] = data["series"]
        post = services.post_update(
            actor=self.request.user, community=self.community, post=self.current_post, **changes
        )
        if post.status == PostStatus.PUBLISHED and self.publish_requested():
            messages.success(self.request, _("Saved."))
            return redirect("content:post-detail", slug=self.community.slug, post_id=post.pk)
        return self.finish(post, form)


class PostPublishView(PostMixin, View):
    """The detail page's Publish button for a draft (no scheduling: the edit form has the time)."""

    capability = "participate"

    def post(self, request, *args, **kwargs):
        post = services.post_publish(actor=request.user, community=self.community, post=self.current_post)
        messages.success(request, STATUS_MESSAGES[post.status])
        return redirect("content:post-detail", slug=self.community.slug, post_id=post.pk)


class PostPinView(PostMixin, View):
    capability = "manage_content"

    def post(self, request, *args, **kwargs):
        pinned = request.POST.get("pinned") == "1"
        services.post_pin(actor=request.user, community=self.community, post=self.current_post, pinned=pinned)
        messages.success(request, _("Pinned to the top of the list.") if pinned else _("Unpinned."))
        return redirect("content:post-detail", slug=self.community.slug, post_id=self.current_post.pk)


class PostFeatureView(PostMixin, View):
    capability = "manage_content"

    def post(self, request, *args, **kwargs):
        featured = request.POST.get("featured") == "1"
        services.post_feature(
            actor=request.user, community=self.community, post=self.current_post, featured=featured
        )
        messages.success(request, _("Marked as featured.") if featured else _("No longer featured."))
        return redirect("content:post-detail", slug=self.community.slug, post_id=self.current_post.pk)


class PostRevisionsView(PostMixin, TemplateView):
    """The edit history: every revision's title and text, newest first (whoever may read the post)."""

    capability = PUBLIC
    template_name = "content/posts/revisions.html"

    def get_context_data(self, **kwargs):
        revisions = [
            (revision, render_post_markdown(revision.body))
            for revision in selectors.post_revision_list(community=self.community, post=self.current_post)
        ]
        return super().get_context_data(post=self.current_post, revisions=revisions, **kwargs)


class MyPostsView(CommunityMixin, TemplateView):
    capability = "participate"
    template_name = "content/posts/mine.html"

    def get_context_data(self, **kwargs):
        page = _page(self.request, selectors.post_mine(community=self.community, membership=self.membership))
        return super().get_context_data(page_obj=page, posts=page.object_list, query="", **kwargs)


class PostPreviewView(CommunityMixin, View):
    """The editor's preview: the posted Markdown rendered as the post page will show it (a fragment)."""

    capability = "participate"

    def post(self, request, *args, **kwargs):
        body = request.POST.get("body", "")[:BODY_MAX]
        return HttpResponse(render_post_markdown(body), content_type="text/html; charset=utf-8")


class PostImageUploadView(CommunityMixin, ServiceFormMixin, FormView):
    """The editor's drag-and-drop and paste upload: JSON with the image's address and its Markdown."""

    capability = "participate"
    form_class = PostImageForm
    http_method_names = ["post"]

    def perform(self, form):
        image = services.post_image_upload(
            actor=self.request.user, community=self.community, file=form.cleaned_data["image"]
        )
        return JsonResponse({"url": image.image.url, "markdown": f"![]({image.image.url})"}, status=201)

    def form_invalid(self, form):
        return JsonResponse({"code": "invalid", "fields": form.errors.get_json_data()}, status=400)


class ReviewQueueView(CommunityMixin, TemplateView):
    capability = "manage_content"
    template_name = "content/posts/review_queue.html"

    def get_context_data(self, **kwargs):
        page = _page(self.request, selectors.post_review_queue(community=self.community))
        return super().get_context_data(
            page_obj=page, posts=page.object_list, form=ReviewForm(), query="", **kwargs
        )


class ReviewDecisionView(PostMixin, ServiceFormMixin, FormView):
    capability = "manage_content"
    form_class = ReviewForm
    template_name = "content/posts/review.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            post=self.current_post, body_html=render_post_markdown(self.current_post.body), **kwargs
        )

    def perform(self, form):
        services.post_review(
            actor=self.request.user, community=self.community, post=self.current_post, **form.cleaned_data
        )
        messages.success(self.request, _("Decision saved: the author is told."))
        return redirect("content:post-review-queue", slug=self.community.slug)


class PostSettingsView(CommunityMixin, ServiceFormMixin, FormView):
    """The community's post settings and its tags (each a small form of its own)."""

    capability = "manage_content"
    template_name = "content/posts/settings.html"
    form_class = PostSettingsForm

    def get_initial(self):
        settings = selectors.post_settings_for(community=self.community)
        return {"member_posts_need_review": settings.member_posts_need_review}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tags=selectors.post_tag_list(community=self.community),
            tag_form=kwargs.pop("tag_form", None) or PostTagForm(),
            **kwargs,
        )

    def perform(self, form):
        services.post_settings_update(actor=self.request.user, community=self.community, **form.cleaned_data)
        messages.success(self.request, _("Post settings saved."))
        return redirect("content:post-settings", slug=self.community.slug)


class PostTagCreateView(CommunityMixin, ServiceFormMixin, FormView):
    capability = "manage_content"
    template_name = "content/posts/tag_form.html"
    form_class = PostTagForm

    def perform(self, form):
        tag = services.post_tag_create(actor=self.request.user, community=self.community, **form.cleaned_data)
        messages.success(self.request, _("Tag “%(name)s” added.") % {"name": tag.name})
        return redirect("content:post-settings", slug=self.community.slug)


class PostTagDeleteView(CommunityMixin, View):
    capability = "manage_content"

    def post(self, request, *args, **kwargs):
        tag = selectors.post_tag_get(community=self.community, tag_id=self.kwargs["post_tag_id"])
        services.post_tag_delete(actor=request.user, community=self.community, tag=tag)
        messages.success(request, _("Tag deleted."))
        return redirect("content:post-settings", slug=self.community.slug)
