import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CURRENT_QUESTIONNAIRE_VERSION, QUESTIONNAIRES, leafItems } from '../triage/questionnaire.ts';
import { answersFromResponse, proposedTriage } from './questionnaire-response.ts';

const questionnaire = QUESTIONNAIRES[CURRENT_QUESTIONNAIRE_VERSION]!;

describe('triage answers from a QuestionnaireResponse', () => {
  it('reads every answer type, inside groups and below answers, and several codes as a list', () => {
    assert.deepEqual(
      answersFromResponse({
        item: [
          {
            linkId: 'group',
            item: [
              { linkId: 'a', answer: [{ valueBoolean: false }] },
              { linkId: 'b', answer: [{ valueInteger: 3 }] },
            ],
          },
          { linkId: 'c', answer: [{ valueCoding: { code: 'x' }, item: [{ linkId: 'd', answer: [{ valueDate: '2027-01-05' }] }] }] },
          { linkId: 'e', answer: [{ valueCoding: { code: 'p' } }, { valueCoding: { code: 'q' } }] },
          { linkId: 'f', answer: [{ valueString: 'tekst' }] },
          { linkId: 'unanswered' },
        ],
      }),
      { a: false, b: 3, c: 'x', d: '2027-01-05', e: ['p', 'q'], f: 'tekst' },
    );
  });

  it('takes a partial answer to the current questionnaire, and makes one code of a repeating choice a list', () => {
    const repeating = leafItems(questionnaire.item).find((item) => item.repeats && item.type === 'choice');
    const responses = [{ linkId: 'from_hospital', answer: [{ valueBoolean: true }] }];
    if (repeating)
      responses.push({
        linkId: repeating.linkId,
        answer: [{ valueCoding: { code: repeating.answerOption![0]!.valueCoding.code } }],
      } as never);
    const proposal = proposedTriage(
      { contained: [{ resourceType: 'QuestionnaireResponse', questionnaire: questionnaire.url, item: responses }] },
      questionnaire,
    );
    assert.deepEqual(proposal.issues, []);
    assert.equal(proposal.answers!.from_hospital, true);
    if (repeating) assert.ok(Array.isArray(proposal.answers![repeating.linkId]));
  });

  it('refuses another questionnaire, and has nothing to say without one', () => {
    assert.deepEqual(
      proposedTriage(
        { contained: [{ resourceType: 'QuestionnaireResponse', questionnaire: `${questionnaire.url}|1`, item: [] }] },
        questionnaire,
      ).issues,
      [{ field: 'QuestionnaireResponse.questionnaire', code: 'unknown_questionnaire' }],
    );
    assert.deepEqual(proposedTriage({ contained: [] }, questionnaire), { issues: [] });
  });
});
