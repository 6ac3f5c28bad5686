"""The Manage area: every operator tool the caller holds, with what waits for them."""

from django.views.generic import TemplateView

from communities.mixins import CommunityMixin
from members.manage import COUNT_LABELS, Tool, counts_for, groups_for


def tool_item(tool: Tool, counts: dict[str, int]) -> dict:
    """A tool as the page lists it: `count` is None for a tool without one, else the number waiting."""
    if tool.count not in counts:
        return {"tool": tool, "count": None, "count_label": ""}
    count = counts[tool.count]
    return {"tool": tool, "count": count, "count_label": COUNT_LABELS[tool.count] % {"count": count}}


class ManageView(CommunityMixin, TemplateView):
    capability = "view_manage_area"
    template_name = "members/manage/index.html"

    def get_context_data(self, **kwargs):
        counts = counts_for(self.request, self.community, self.membership)
        groups = [
            (group, [tool_item(tool, counts) for tool in tools])
            for group, tools in groups_for(self.membership)
        ]
        return super().get_context_data(groups=groups, **kwargs)
