-- The triage answers a sending system gave with its referral (a FHIR QuestionnaireResponse): a proposal the
-- coordinator starts the triage from, not a triage. Kept as given, checked against the questionnaire first.
ALTER TABLE referral ADD COLUMN proposed_answers jsonb;
