"""`{{ profile.skill_level|skill_level }}`: a default skill level in the reader's language."""

from django import template

from members.models.policy import skill_level_label

register = template.Library()

register.filter("skill_level", skill_level_label)
