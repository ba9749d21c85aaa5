import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { BURDEN_ADVICE, MAX_BURDEN_SCORE, scoreBurden } from '../../../../src/domain/burden-screening.ts';
import type { BurdenLevel } from '../../../../src/domain/triage/outcome.ts';
import { BurdenQuestions, readBurdenAnswers } from '../../forms/BurdenQuestions.tsx';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { BUTTON_LINK, usePageTitle } from './common.tsx';

type Key =
  | 'title'
  | 'intro'
  | 'private'
  | 'questions'
  | 'missing'
  | 'submit'
  | 'resultTitle'
  | 'score'
  | 'level.low'
  | 'level.moderate'
  | 'level.high'
  | 'ask'
  | 'support'
  | 'again';

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Hoe gaat het met u?',
    intro:
      'Zorgt u voor iemand? Met deze korte test ziet u hoe zwaar de zorg voor u is. Het zijn 9 zinnen. Zeg bij elke zin of die bij u past.',
    private: 'U hoeft geen naam in te vullen. Uw antwoorden blijven op uw eigen telefoon of computer: wij zien en bewaren ze niet.',
    questions: 'Past deze zin bij u?',
    missing: 'U heeft nog niet bij elke zin een antwoord gekozen. Kijk bij de zinnen met een melding.',
    submit: 'Bekijk de uitslag',
    resultTitle: 'Uw uitslag',
    score: 'U koos bij {score} van de {max} zinnen "een beetje" of "ja".',
    'level.low': 'De zorg is nu niet te zwaar voor u.',
    'level.moderate': 'De zorg is flink zwaar voor u.',
    'level.high': 'De zorg is erg zwaar voor u.',
    ask: 'Logeren aanvragen',
    support: 'Steun bij u in de buurt',
    again: 'De test opnieuw doen',
  },
  en: {
    title: 'How are you doing?',
    intro:
      'Do you care for someone? This short test shows how heavy caring is for you. There are 9 sentences. Say for each whether it fits you.',
    private: 'You do not need to give your name. Your answers stay on your own phone or computer: we do not see or keep them.',
    questions: 'Does this sentence fit you?',
    missing: 'You have not chosen an answer for every sentence yet. See the sentences with a message.',
    submit: 'See the result',
    resultTitle: 'Your result',
    score: 'You chose "somewhat" or "yes" for {score} of the {max} sentences.',
    'level.low': 'Caring is not too heavy for you now.',
    'level.moderate': 'Caring is quite heavy for you.',
    'level.high': 'Caring is very heavy for you.',
    ask: 'Ask for a stay',
    support: 'Support near you',
    again: 'Take the test again',
  },
};

const ALERT: Record<BurdenLevel, 'ok' | 'warning' | 'error'> = { low: 'ok', moderate: 'warning', high: 'error' };

/**
 * The anonymous self-check for caregivers: the same nine statements as the contact person's check-in, scored in the
 * browser (nothing is sent), with advice and the way to ask for respite or support.
 */
export function SelfCheck() {
  const t = useTexts(TEXTS);
  const { language } = useI18n();
  const [result, setResult] = useState<{ score: number; level: BurdenLevel } | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [round, setRound] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  usePageTitle(t('title'));

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);
  useEffect(() => {
    if (round > 0 && missing.length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [round, missing]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readBurdenAnswers(new FormData(event.currentTarget), 'zelftest');
    setMissing(read.missing);
    setRound((n) => n + 1);
    if (read.answers) setResult(scoreBurden(read.answers));
  };

  return (
    <div className="adempauze-public">
      <Heading1>{t('title')}</Heading1>
      {result ? (
        <>
          <Heading2 ref={resultHeading} tabIndex={-1}>
            {t('resultTitle')}
          </Heading2>
          <Alert type={ALERT[result.level]}>
            <Paragraph>
              <strong>{t(`level.${result.level}`)}</strong> {t('score', { score: result.score, max: MAX_BURDEN_SCORE })}
            </Paragraph>
          </Alert>
          <Paragraph>{BURDEN_ADVICE[result.level][language]}</Paragraph>
          <div className="adempauze-actions">
            <Link to="/aanvragen" className={BUTTON_LINK}>
              {t('ask')}
            </Link>
            <Link to="/steun" className="utrecht-link">
              {t('support')}
            </Link>
            <Button type="button" appearance="secondary-action-button" onClick={() => setResult(null)}>
              {t('again')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Paragraph lead>{t('intro')}</Paragraph>
          <Paragraph>{t('private')}</Paragraph>
          {missing.length > 0 && (
            <Alert type="error" role="alert">
              <Paragraph>{t('missing')}</Paragraph>
            </Alert>
          )}
          <form ref={formRef} onSubmit={submit} noValidate aria-label={t('questions')}>
            <BurdenQuestions prefix="zelftest" missing={missing} />
            <Button type="submit" appearance="primary-action-button">
              {t('submit')}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}
