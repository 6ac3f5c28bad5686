"""Posts API: the list with filters, one post, writing, publishing, pins, features, the review queue and
decisions, revisions, my posts, tags, the post settings and the editor's preview and image upload."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from communities.filters import IdFilter
from content.api.serializers import posts as s
from content.models import Post, PostImage, PostKind, PostSettings, PostTag
from content.rendering import render_post_markdown
from content.selectors import posts as selectors
from content.selectors.posts import STAFF_AND_EXPERT_ROLES
from content.selectors.series import series_named_in_input
from content.services import posts as services


class PostFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=PostKind.choices)
    tag = IdFilter(field_name="taggings__tag_id")
    skill_level = django_filters.CharFilter()
    author = IdFilter(field_name="author_id", help_text=_("The author's membership id"))
    staff_only = django_filters.BooleanFilter(
        method="filter_staff_only", help_text=_("Only posts by operators, moderators and experts")
    )
    featured = django_filters.BooleanFilter(field_name="featured_at", lookup_expr="isnull", exclude=True)
    series = IdFilter(field_name="series_id")

    class Meta:
        model = Post
        fields = ["kind", "tag", "skill_level", "author", "staff_only", "featured", "series"]

    def filter_staff_only(self, queryset, name, value):
        return queryset.filter(author__role__in=STAFF_AND_EXPERT_ROLES) if value else queryset


READ = None
WRITE = "participate"
OPERATE = "manage_content"


@extend_schema_view(
    list=extend_schema(summary=_("Published posts, pinned first (filters: kind, tag, level, author...)")),
    retrieve=extend_schema(
        summary=_("One post with its text and HTML (drafts for their author and operators)"),
        responses=s.PostDetailOutputSerializer,
    ),
)
class PostViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Post.objects.none()
    serializer_class = s.PostOutputSerializer
    capability = {
        "list": READ,
        "retrieve": READ,
        "revisions": READ,
        "create": WRITE,
        "partial_update": WRITE,
        "publish": WRITE,
        "mine": WRITE,
        "pin": OPERATE,
        "feature": OPERATE,
        "review_queue": OPERATE,
        "review": OPERATE,
    }
    lookup_url_kwarg = "post_id"
    paginated_actions = ("list", "mine", "review_queue", "revisions")
    filterset_class = PostFilter
    filtered_actions = ("list",)
    ordering_fields = ["published_at", "title", "created_at"]

    def get_queryset(self):
        community = self.request.community
        if self.action == "mine":
            return selectors.post_mine(community=community, membership=self.request.membership)
        if self.action == "review_queue":
            return selectors.post_review_queue(community=community)
        return selectors.post_list(community=community)

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def get_object(self):
        return selectors.post_get(
            community=self.request.community,
            post_id=self.kwargs["post_id"],
            membership=getattr(self.request, "membership", None),
        )

    def post_response(self, post, status_code=status.HTTP_200_OK):
        neighbours = selectors.series_neighbours(community=self.request.community, post=post)
        context = {**self.get_serializer_context(), "neighbours": neighbours}
        return Response(s.PostDetailOutputSerializer(post, context=context).data, status=status_code)

    def reloaded(self, post):
        return selectors.post_get(
            community=self.request.community, post_id=post.pk, membership=self.request.membership
        )

    def act(self, request, input_serializer, service):
        """One action on the post named in the URL: the post is loaded first (another community's or a
        hidden one is a 404 before the body is read), then the body, then the service; the answer is the
        post as it now is."""
        post = self.get_object()
        serializer = input_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        post = service(
            actor=request.user, community=request.community, post=post, **serializer.validated_data
        )
        return self.post_response(self.reloaded(post))

    def retrieve(self, request, community_slug, post_id):
        return self.post_response(self.get_object())

    @extend_schema(
        summary=_("Write a post (a draft: publish it with the publish action)"),
        request=s.PostInputSerializer,
        responses={201: s.PostDetailOutputSerializer},
    )
    def create(self, request, community_slug):
        serializer = s.PostInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        series = series_named_in_input(community=request.community, series_id=data.pop("series"))
        post = services.post_create(actor=request.user, community=request.community, series=series, **data)
        return self.post_response(self.reloaded(post), status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Edit a post (the author or an operator); a changed title or text keeps a revision"),
        request=s.PostInputSerializer(partial=True),
        responses=s.PostDetailOutputSerializer,
    )
    def partial_update(self, request, community_slug, post_id):
        post = self.get_object()
        serializer = s.PostInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "series" in request.data:
            data["series"] = series_named_in_input(community=request.community, series_id=data.get("series"))
        else:
            data.pop("series", None)
        post = services.post_update(actor=request.user, community=request.community, post=post, **data)
        return self.post_response(self.reloaded(post))

    @extend_schema(
        summary=_("Publish now or at publish_at; where members' posts are reviewed, submit for review"),
        request=s.PostPublishInputSerializer,
        responses=s.PostDetailOutputSerializer,
    )
    def publish(self, request, community_slug, post_id):
        return self.act(request, s.PostPublishInputSerializer, services.post_publish)

    @extend_schema(
        summary=_("Pin or unpin a published post"),
        request=s.PostPinInputSerializer,
        responses=s.PostDetailOutputSerializer,
    )
    def pin(self, request, community_slug, post_id):
        return self.act(request, s.PostPinInputSerializer, services.post_pin)

    @extend_schema(
        summary=_("Feature (精华) a published post or take the mark away"),
        request=s.PostFeatureInputSerializer,
        responses=s.PostDetailOutputSerializer,
    )
    def feature(self, request, community_slug, post_id):
        return self.act(request, s.PostFeatureInputSerializer, services.post_feature)

    @extend_schema(
        summary=_("Posts waiting for review, the longest waiting first (operators)"),
        responses=s.PostOutputSerializer(many=True),
    )
    def review_queue(self, request, community_slug):
        return self.list(request, community_slug)

    @extend_schema(
        summary=_("Approve, send back (with a comment) or reject a post waiting for review"),
        request=s.PostReviewInputSerializer,
        responses=s.PostDetailOutputSerializer,
    )
    def review(self, request, community_slug, post_id):
        return self.act(request, s.PostReviewInputSerializer, services.post_review)

    @extend_schema(
        summary=_("My posts in every state, last edited first"), responses=s.PostOutputSerializer(many=True)
    )
    def mine(self, request, community_slug):
        return self.list(request, community_slug)

    @extend_schema(
        summary=_("The post's edit history, newest first"),
        responses=s.PostRevisionOutputSerializer(many=True),
    )
    def revisions(self, request, community_slug, post_id):
        revisions = selectors.post_revision_list(community=request.community, post=self.get_object())
        page = self.paginate_queryset(revisions)
        return self.get_paginated_response(s.PostRevisionOutputSerializer(page, many=True).data)


@extend_schema_view(
    create=extend_schema(
        summary=_("Upload an image for a post's text (checked, resized, re-encoded)"),
        request=s.PostImageInputSerializer,
        responses={201: s.PostImageOutputSerializer},
    )
)
class PostImageViewSet(CommunityViewSet):
    queryset = PostImage.objects.none()
    serializer_class = s.PostImageOutputSerializer
    capability = {"create": WRITE}
    parser_classes = [JSONParser, MultiPartParser]  # multipart to upload; JSON for the schema's rule

    def create(self, request, community_slug):
        serializer = s.PostImageInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        image = services.post_image_upload(
            actor=request.user, community=request.community, file=serializer.validated_data["image"]
        )
        return Response(self.get_serializer(image).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    create=extend_schema(
        summary=_("Render Markdown as a post page shows it (the editor's preview)"),
        request=s.PostPreviewInputSerializer,
        responses={200: s.PostPreviewOutputSerializer},
    )
)
class PostPreviewViewSet(CommunityViewSet):
    queryset = Post.objects.none()
    serializer_class = s.PostPreviewOutputSerializer
    capability = {"create": WRITE}

    def create(self, request, community_slug):
        serializer = s.PostPreviewInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response({"html": str(render_post_markdown(serializer.validated_data["body"]))})


@extend_schema_view(
    list=extend_schema(summary=_("The community's post tags")),
    create=extend_schema(
        summary=_("Add a post tag (at most 30 per community)"),
        request=s.PostTagInputSerializer,
        responses={201: s.PostTagOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Delete a post tag (it leaves every post)")),
)
class PostTagViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = PostTag.objects.none()
    serializer_class = s.PostTagOutputSerializer
    capability = {"list": READ, "create": OPERATE, "destroy": OPERATE}
    lookup_url_kwarg = "post_tag_id"
    filter_backends = []
    pagination_class = None

    def get_queryset(self):
        return selectors.post_tag_list(community=self.request.community)

    def get_object(self):
        return selectors.post_tag_get(community=self.request.community, tag_id=self.kwargs["post_tag_id"])

    def create(self, request, community_slug):
        serializer = s.PostTagInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tag = services.post_tag_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(tag).data, status=status.HTTP_201_CREATED)

    def destroy(self, request, community_slug, post_tag_id):
        services.post_tag_delete(actor=request.user, community=request.community, tag=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    retrieve=extend_schema(summary=_("The community's post settings (operators)")),
    partial_update=extend_schema(summary=_("Change the post settings (operators)")),
)
class PostSettingsViewSet(CommunityViewSet):
    queryset = PostSettings.objects.none()
    serializer_class = s.PostSettingsSerializer
    capability = {"retrieve": OPERATE, "partial_update": OPERATE}

    def retrieve(self, request, community_slug):
        return Response(self.get_serializer(selectors.post_settings_for(community=request.community)).data)

    def partial_update(self, request, community_slug):
        serializer = self.get_serializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        current = selectors.post_settings_for(community=request.community)
        settings = services.post_settings_update(
            actor=request.user,
            community=request.community,
            member_posts_need_review=serializer.validated_data.get(
                "member_posts_need_review", current.member_posts_need_review
            ),
        )
        return Response(self.get_serializer(settings).data)
