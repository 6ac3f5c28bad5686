"""`{{ profile.skill_level|skill_level }}`: a default skill level in the reader's language;
`{{ membership|member_name }}`: the name a member goes by in the community (never the username)."""

from django import template

from members.models.policy import skill_level_label
from members.selectors.profiles import community_name

register = template.Library()

register.filter("skill_level", skill_level_label)
register.filter("member_name", community_name)
