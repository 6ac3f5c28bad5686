"""Discussions API: topics (list with filters, one, start, edit), their replies (list, one, post, edit) and
reactions on topics and replies (a toggle)."""

import django_filters
from django.db.models import Sum
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities import fragments
from communities.api.base import CommunityViewSet
from communities.api.pagination import StoredCountPagination
from communities.filters import IdFilter
from content.api.serializers import discussions as s
from content.errors.discussions import SpaceOfAnotherCommunity
from content.models import Reply, Space, Topic
from content.models.discussions import SLUG_MAX
from content.selectors import discussions as selectors
from content.services import discussions as services
from content.versioning import discussions_versions


def kept_page(request, name: str, versions: tuple, viewer, build):
    """A list page's data kept in the cache (decision 0018) under the community's discussions versions,
    what about the caller changes it (`viewer`), the language and time zone and the address asked (host,
    filters, page: links are built from it); `build()` makes it on a miss."""
    scope = (fragments.release(), request.community.pk, versions, viewer, fragments.locale_parts())
    key = f"api-{name}:" + fragments.digest(scope, request.build_absolute_uri())
    return Response(fragments.memo(key, lambda: build().data))


class TopicFilter(django_filters.FilterSet):
    space = django_filters.CharFilter(
        method="filter_space", max_length=SLUG_MAX, help_text=_("The address (slug) of a space.")
    )
    author = IdFilter(field_name="author_id", help_text=_("The author's membership id"))
    pinned = django_filters.BooleanFilter(field_name="pinned_at", lookup_expr="isnull", exclude=True)
    prompt = django_filters.BooleanFilter(field_name="is_prompt", help_text=_("The prompt of the week"))

    class Meta:
        model = Topic
        fields = ["space", "author", "pinned", "prompt"]

    def filter_space(self, queryset, name, value):
        spaces = Space.objects.for_community(self.request.community).filter(slug=value)
        return queryset.filter(space_id__in=spaces.values("pk"))


@extend_schema_view(
    list=extend_schema(
        summary=_("Topics the caller may read, most recently active first (filters: space, author, pinned)")
    ),
    retrieve=extend_schema(summary=_("One topic")),
    create=extend_schema(
        summary=_("Start a topic in a space"),
        request=s.TopicInputSerializer,
        responses={201: s.TopicOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Edit a topic (its author or a moderator)"),
        request=s.TopicUpdateSerializer,
        responses={200: s.TopicOutputSerializer},
    ),
)
class TopicViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Topic.objects.none()
    serializer_class = s.TopicOutputSerializer
    lookup_url_kwarg = "topic_id"
    filterset_class = TopicFilter
    pagination_class = StoredCountPagination
    search_fields = ["title"]
    ordering_fields = ["last_activity_at", "created_at", "reply_count"]
    ordering = ["-last_activity_at", "-id"]
    capability = {
        "list": "view",
        "retrieve": "view",
        "create": "participate",
        "partial_update": "participate",
    }

    def get_queryset(self):
        return selectors.topic_list(community=self.request.community, membership=self.request.membership)

    def get_object(self):
        return selectors.topic_get(
            community=self.request.community,
            membership=self.request.membership,
            topic_id=self.kwargs["topic_id"],
        )

    def stored_count(self) -> int | None:
        """The readable spaces' stored topic counts (the visible topics, kept by the services) are the
        total unless a filter other than the space, or a search, narrows the list."""
        params = self.request.query_params
        narrowing = [name for name in TopicFilter.base_filters if name != "space"]
        if params.get("search") or any(params.get(name) for name in narrowing):
            return None
        request = self.request
        spaces = selectors.readable_spaces(community=request.community, membership=request.membership)
        if params.get("space"):
            spaces = spaces.filter(slug=params["space"])
        return spaces.aggregate(total=Sum("topic_count"))["total"] or 0

    def list(self, request, *args, **kwargs):
        # A page of topics, kept per address, language, time zone and the spaces the caller reads under the
        # community's discussions versions (content.versioning). A comment, not a docstring: the schema
        # would show a docstring as the operation's description.
        versions = discussions_versions(request.community)  # first: before any row
        if versions is None:
            return super().list(request, *args, **kwargs)
        readable = self.readable_space_ids(versions)
        return kept_page(
            request, "topics", versions, readable, lambda: super(TopicViewSet, self).list(request)
        )

    def readable_space_ids(self, versions: tuple) -> tuple[int, ...]:
        """The spaces whose topics the caller reads, themselves kept under the versions (a space's
        visibility, its members and the caller's role are writes that replace one of them)."""
        community, membership = self.request.community, self.request.membership
        viewer = membership.pk if membership is not None else None
        key = "api-topics-readable:" + fragments.digest(community.pk, versions, viewer)
        spaces = selectors.readable_spaces(community=community, membership=membership)
        return fragments.memo(key, lambda: tuple(spaces.order_by("pk").values_list("pk", flat=True)))

    def retrieve(self, request, community_slug, topic_id):
        topic = self.get_object()
        mine = selectors.my_reactions(community=request.community, membership=request.membership, topic=topic)
        return Response(
            self.get_serializer(topic, context={**self.get_serializer_context(), "mine": mine}).data
        )

    def create(self, request, community_slug):
        serializer = s.TopicInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        space = selectors.space_list(community=request.community).filter(slug=data.pop("space")).first()
        if space is None:
            raise SpaceOfAnotherCommunity(fields={"space": [str(SpaceOfAnotherCommunity.message)]})
        topic = services.topic_create(actor=request.user, community=request.community, space=space, **data)
        return Response(self._fresh(topic), status=status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, topic_id):
        topic = self.get_object()
        serializer = s.TopicUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        topic = services.topic_update(
            actor=request.user, community=request.community, topic=topic, **serializer.validated_data
        )
        return Response(self._fresh(topic))

    def _fresh(self, topic: Topic) -> dict:
        topic = selectors.topic_get(
            community=self.request.community, membership=self.request.membership, topic_id=topic.pk
        )
        return self.get_serializer(topic).data


class TopicChildMixin:
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self._topic = selectors.topic_get(
            community=request.community, membership=request.membership, topic_id=self.kwargs["topic_id"]
        )


@extend_schema_view(
    list=extend_schema(
        summary=_("A topic's replies, oldest first; parent_id says under which reply a nested one goes")
    ),
    create=extend_schema(
        summary=_("Reply to a topic, or to one of its replies, optionally quoting one"),
        request=s.ReplyInputSerializer,
        responses={201: s.ReplyOutputSerializer},
    ),
    retrieve=extend_schema(summary=_("One reply of a topic")),
    partial_update=extend_schema(
        summary=_("Edit a reply's text (its author while the topic is open, or a moderator)"),
        request=s.ReplyUpdateSerializer,
        responses={200: s.ReplyOutputSerializer},
    ),
)
class ReplyViewSet(TopicChildMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Reply.objects.none()
    serializer_class = s.ReplyOutputSerializer
    filter_backends = []  # oldest first: the order of the conversation
    capability = {
        "list": "view",
        "retrieve": "view",
        "create": "participate",
        "partial_update": "participate",
    }

    def get_queryset(self):
        return selectors.reply_list(community=self.request.community, topic=self._topic)

    def get_object(self):
        return selectors.reply_get(
            community=self.request.community, topic=self._topic, reply_id=self.kwargs["reply_id"]
        )

    def partial_update(self, request, community_slug, topic_id, reply_id):
        serializer = s.ReplyUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        reply = services.reply_update(
            actor=request.user,
            community=request.community,
            reply=self.get_object(),
            **serializer.validated_data,
        )
        return Response(self.get_serializer(reply).data)

    def list(self, request, *args, **kwargs):
        # A page of replies, kept per address, language, time zone and the caller's reactions in the topic
        # (the page shows them) under the community's discussions versions (content.versioning). Whether
        # the caller reads the topic was settled in `initial`. (A comment: see TopicViewSet.list.)
        versions = discussions_versions(request.community)
        if versions is None:
            return super().list(request, *args, **kwargs)
        mine = tuple(sorted((reply_id, emoji) for reply_id, emoji in self.mine if reply_id is not None))
        return kept_page(request, "replies", versions, mine, lambda: super(ReplyViewSet, self).list(request))

    @cached_property
    def mine(self) -> set[tuple[int | None, str]]:
        """The caller's reactions in the topic (content.selectors.discussions.my_reactions)."""
        topic = getattr(self, "_topic", None)
        if topic is None:
            return set()
        return selectors.my_reactions(
            community=self.request.community, membership=self.request.membership, topic=topic
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "mine": self.mine}

    def create(self, request, community_slug, topic_id):
        serializer = s.ReplyInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        reply = services.reply_create(
            actor=request.user, community=request.community, topic=self._topic, **serializer.validated_data
        )
        return Response(self.get_serializer(reply).data, status=status.HTTP_201_CREATED)


class ReactionViewSet(TopicChildMixin, CommunityViewSet):
    """A member's reaction on a topic or a reply: one POST adds it, the next takes it back."""

    queryset = Topic.objects.none()
    serializer_class = s.ReactionOutputSerializer
    capability = {"toggle": "participate"}

    @extend_schema(
        summary=_("Add a reaction to the topic (or to the reply), or take it back when it is there"),
        request=s.ReactionInputSerializer,
        responses={200: s.ReactionOutputSerializer},
    )
    def toggle(self, request, community_slug, topic_id, reply_id=None):
        reply = None
        if reply_id is not None:
            reply = selectors.reply_get(community=request.community, topic=self._topic, reply_id=reply_id)
        serializer = s.ReactionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        emoji = serializer.validated_data["emoji"]
        reacted = services.reaction_toggle(
            actor=request.user, community=request.community, topic=self._topic, reply=reply, emoji=emoji
        )
        model = Reply if reply is not None else Topic
        target = model.objects.for_community(request.community).get(pk=(reply or self._topic).pk)
        return Response(
            s.ReactionOutputSerializer({"emoji": emoji, "reacted": reacted, "reactions": target}).data
        )


class MentionViewSet(CommunityViewSet):
    """The @ autocomplete: active members whose username or name starts with `q` (at most 8)."""

    queryset = Topic.objects.none()
    serializer_class = s.MentionSuggestionSerializer
    filter_backends = []
    pagination_class = None
    paginated_actions = ()
    capability = {"suggest": "view_members"}

    @extend_schema(
        summary=_("Members to mention: username or name starting with q (at most 8)"),
        parameters=[OpenApiParameter("q", str, description=_("The start of a username or a name"))],
        responses={200: s.MentionSuggestionSerializer(many=True)},
    )
    def suggest(self, request, community_slug):
        prefix = request.query_params.get("q", "")
        members = selectors.mention_candidates(community=request.community, prefix=prefix)
        return Response(self.get_serializer(members, many=True).data)
