"""`{{ entry|audit_sentence }}`: an audit entry as one sentence in the reader's language."""

from django import template

from members.audit_text import sentence

register = template.Library()

register.filter("audit_sentence", sentence)
