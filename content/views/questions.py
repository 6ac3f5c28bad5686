"""HTML pages of Q&A: the question list and the unanswered list, asking, a question with its answers,
answering, voting and accepting, and editing one's question or answer."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from content.errors.questions import AnswerNotEditable, QuestionNotEditable
from content.forms.questions import AnswerForm, QuestionFilterForm, QuestionForm
from content.selectors import questions as selectors
from content.services import questions as services
from members.selectors.policy import policy_for

PAGE_SIZE = 20


class QuestionListView(CommunityMixin, TemplateView):
    """/c/<slug>/questions/: every visible question, filtered by tag, skill level and accepted answer.

    Q&A is for members (`view`): an author's name is shown only to those who may see the members."""

    template_name = "content/questions/list.html"
    capability = "view"
    unanswered = False

    def get_context_data(self, **kwargs):
        form = QuestionFilterForm(
            self.request.GET or None, skill_levels=policy_for(community=self.community).skill_levels
        )
        query = form.query() if form.is_bound else selectors.QuestionQuery()
        if self.unanswered:
            query = selectors.QuestionQuery(tag=query.tag, skill_level=query.skill_level, unanswered=True)
        questions = selectors.question_list(community=self.community, query=query)
        page = Paginator(questions, PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            form=form,
            page=page,
            unanswered=self.unanswered,
            may_ask=has_capability(self.membership, "participate"),
            **kwargs,
        )


class UnansweredListView(QuestionListView):
    """/c/<slug>/questions/unanswered/: questions without an answer, the longest waiting first (experts)."""

    unanswered = True


class QuestionAskView(CommunityMixin, ServiceFormMixin, FormView):
    template_name = "content/questions/ask.html"
    form_class = QuestionForm
    capability = "participate"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "skill_levels": policy_for(community=self.community).skill_levels,
        }

    def perform(self, form):
        question = services.question_ask(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        messages.success(self.request, _("Your question is posted."))
        return redirect("content:question-detail", slug=self.community.slug, qa_question_id=question.pk)


class QuestionMixin(CommunityMixin):
    @cached_property
    def question(self):
        return selectors.question_get(community=self.community, question_id=self.kwargs["qa_question_id"])


class QuestionDetailView(QuestionMixin, ServiceFormMixin, FormView):
    """A question with its answers (the accepted one first, then by votes); members answer below."""

    template_name = "content/questions/detail.html"
    form_class = AnswerForm
    capability = {"GET": "view", "POST": "participate"}

    def get_context_data(self, **kwargs):
        question, user = self.question, self.request.user
        answers = selectors.answers_in_order(community=self.community, question=question)
        return super().get_context_data(
            question=question,
            answers=answers,
            may_edit=services.may_edit_question(user, self.membership, question),
            editable=[a.pk for a in answers if services.may_edit_answer(user, self.membership, a, question)],
            voted=selectors.voted_answer_ids(
                community=self.community, membership=self.membership, question=question
            ),
            may_accept=services.may_accept(self.membership, question),
            may_answer=has_capability(self.membership, "participate"),
            **kwargs,
        )

    def perform(self, form):
        services.answer_post(
            actor=self.request.user,
            community=self.community,
            question=self.question,
            body=form.cleaned_data["body"],
        )
        messages.success(self.request, _("Your answer is posted."))
        return redirect("content:question-detail", slug=self.community.slug, qa_question_id=self.question.pk)


class AnswerVoteView(QuestionMixin, View):
    """POST: vote for the answer, or take the vote back when the member already voted (a toggle)."""

    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        answer = selectors.answer_get(
            community=self.community, question=self.question, answer_id=kwargs["qa_answer_id"]
        )
        voted = selectors.voted_answer_ids(
            community=self.community, membership=self.membership, question=self.question
        )
        if answer.pk in voted:
            services.answer_unvote(actor=request.user, community=self.community, answer=answer)
        else:
            services.answer_vote(actor=request.user, community=self.community, answer=answer)
        return redirect(f"{services.question_url(self.question)}#answer-{answer.pk}")


class AnswerAcceptView(QuestionMixin, View):
    """POST: mark the answer accepted. The asker, experts and operators may: the service decides."""

    capability = {"POST": PUBLIC}

    def post(self, request, *args, **kwargs):
        answer = selectors.answer_get(
            community=self.community, question=self.question, answer_id=kwargs["qa_answer_id"]
        )
        services.answer_accept(
            actor=request.user, community=self.community, question=self.question, answer=answer
        )
        messages.success(request, _("The answer is marked as accepted."))
        return redirect(f"{services.question_url(self.question)}#answer-{answer.pk}")


class QuestionEditView(QuestionMixin, ServiceFormMixin, FormView):
    """The asker edits their question until an answer is accepted; operators always."""

    template_name = "content/questions/edit.html"
    form_class = QuestionForm
    capability = "participate"

    def get_form(self, form_class=None):
        if not services.may_edit_question(self.request.user, self.membership, self.question):
            raise QuestionNotEditable()
        return super().get_form(form_class)

    def get_form_kwargs(self):
        skill_levels = policy_for(community=self.community).skill_levels
        return {**super().get_form_kwargs(), "skill_levels": skill_levels}

    def get_initial(self):
        question = self.question
        return {
            "title": question.title,
            "body": question.body,
            "tags": ", ".join(tag.name for tag in question.tags.all()),
            "skill_level": question.skill_level,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(question=self.question, **kwargs)

    def perform(self, form):
        services.question_edit(
            actor=self.request.user, community=self.community, question=self.question, **form.cleaned_data
        )
        messages.success(self.request, _("Your changes are saved."))
        return redirect(services.question_url(self.question))


class AnswerEditView(QuestionMixin, ServiceFormMixin, FormView):
    """An answer's author edits it until it is accepted; operators always."""

    template_name = "content/questions/answer_edit.html"
    form_class = AnswerForm
    capability = "participate"

    @cached_property
    def answer(self):
        return selectors.answer_get(
            community=self.community, question=self.question, answer_id=self.kwargs["qa_answer_id"]
        )

    def get_form(self, form_class=None):
        if not services.may_edit_answer(self.request.user, self.membership, self.answer, self.question):
            raise AnswerNotEditable()
        return super().get_form(form_class)

    def get_initial(self):
        return {"body": self.answer.body}

    def get_context_data(self, **kwargs):
        return super().get_context_data(question=self.question, answer=self.answer, **kwargs)

    def perform(self, form):
        services.answer_edit(
            actor=self.request.user,
            community=self.community,
            answer=self.answer,
            body=form.cleaned_data["body"],
        )
        messages.success(self.request, _("Your changes are saved."))
        return redirect(f"{services.question_url(self.question)}#answer-{self.answer.pk}")
