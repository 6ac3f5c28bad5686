"""Errors of the resource library: resources, ratings, featured lists and unsafe links."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, NotFound


class ResourceNotFound(NotFound):
    code = "resource_not_found"
    message = _("No such resource in this community's library.")


class FeaturedListNotFound(NotFound):
    code = "featured_list_not_found"
    message = _("No such featured list in this community.")


class ResourceInvalid(DomainError):
    code = "resource_invalid"
    message = _("Check the resource's fields.")


class UnsafeLink(DomainError):
    """A link that is not a plain public web address (decision 0032)."""

    code = "unsafe_link"
    message = _("Enter a public web address starting with http:// or https://.")


class NotYourResource(DomainError):
    """A 400, not a 403: the caller may write (the route's capability), only not to this resource."""

    code = "not_your_resource"
    message = _("Only the member who suggested this resource, or the library's curators, may change it.")


class OwnResourceRating(DomainError):
    code = "own_resource_rating"
    message = _("You cannot rate a resource you suggested.")


class FeaturedListFull(Conflict):
    code = "featured_list_full"
    message = _("A featured list holds at most 50 resources.")
