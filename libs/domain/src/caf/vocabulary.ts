import type { InformationCategory } from '../shared';

/**
 * The three domains of the Common Assessment Framework and their elements (003 §1a,
 * Figure 2: "development of the child; parents and carers; and family and environmental
 * elements").
 */
export const CAF_ELEMENTS = {
  'development-of-the-child': [
    'health',
    'speech-language-and-communication',
    'emotional-and-social-development',
    'behavioural-development',
    'identity-and-self-image',
    'family-and-social-relationships',
    'self-care-and-independence',
    'learning',
  ],
  'parents-and-carers': [
    'basic-care',
    'safety-and-protection',
    'emotional-warmth-and-stability',
    'guidance-boundaries-and-stimulation',
  ],
  'family-and-environment': [
    'family-history-and-functioning',
    'wider-family',
    'housing-employment-and-finance',
    'social-and-community-resources',
  ],
} as const;

export type CafDomain = keyof typeof CAF_ELEMENTS;
export type CafElement = (typeof CAF_ELEMENTS)[CafDomain][number];
export const CAF_DOMAINS = Object.keys(CAF_ELEMENTS) as CafDomain[];

export const isElementOf = (domain: CafDomain, element: string): element is CafElement =>
  (CAF_ELEMENTS[domain] as readonly string[]).includes(element);

export const ACTION_STATUSES = ['agreed', 'in-progress', 'done', 'not-done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** An action in one of these states is over: it is neither due nor overdue any more. */
export const FINISHED_ACTION_STATUSES: readonly ActionStatus[] = ['done', 'not-done', 'dropped'];

export const CAF_OUTCOMES = [
  'needs-met',
  'stepped-down-to-universal-services',
  'stepped-up-to-social-care',
  'family-withdrew',
  'moved-away',
  'other',
] as const;
export type CafOutcome = (typeof CAF_OUTCOMES)[number];

/**
 * The category of information each element's contributions carry: what consent must cover
 * before a contribution is shared, whatever the sharer calls it.
 */
export const CAF_ELEMENT_CATEGORIES: Readonly<Record<CafElement, InformationCategory>> = {
  health: 'health',
  'speech-language-and-communication': 'special-educational-needs',
  'emotional-and-social-development': 'health',
  'behavioural-development': 'behaviour',
  // How the child sees themselves: emotional wellbeing, not the identifying details of 'identity'.
  'identity-and-self-image': 'health',
  'family-and-social-relationships': 'family-circumstances',
  'self-care-and-independence': 'health',
  learning: 'education',
  'basic-care': 'family-circumstances',
  'safety-and-protection': 'safeguarding',
  'emotional-warmth-and-stability': 'family-circumstances',
  'guidance-boundaries-and-stimulation': 'family-circumstances',
  'family-history-and-functioning': 'family-circumstances',
  'wider-family': 'family-circumstances',
  'housing-employment-and-finance': 'family-circumstances',
  'social-and-community-resources': 'family-circumstances',
};
