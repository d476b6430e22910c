import {
  DashboardApi,
  DECISION_REASONS,
  FINISHED_REMATCH,
  type DecisionReason,
  type Language,
  type MatchItem,
  type NeedMatches,
  type RdNeed,
  type RematchJob,
  type ShortlistChange,
} from './api.js';
import { el } from './dom.js';
import { initialLanguage, STRINGS } from './i18n.js';
import { LiveUpdates, type LiveState } from './live-updates.js';
import { filterShortlist, NO_FILTER, type ShortlistFilter } from './shortlist-filter.js';
import './styles.css';

const KEY_STORAGE = 'parkmatch.apiKey';
const REMATCH_POLL_MS = 1_000;

interface DashboardState {
  api: DashboardApi | undefined;
  admin: boolean;
  language: Language;
  needs: RdNeed[];
  needId: string | undefined;
  shortlist: NeedMatches | undefined;
  filter: ShortlistFilter;
  /** Companies whose entry the stream changed since the shortlist was opened. */
  changedLive: Set<string>;
  /** Companies whose breakdown is unfolded. */
  expanded: Set<string>;
  /** The decline reason picked per company, kept across the re-renders live changes cause. */
  reasons: Map<string, DecisionReason>;
  live: LiveState;
  rematch: RematchJob | undefined;
  error: string | undefined;
}

const state: DashboardState = {
  api: undefined,
  admin: false,
  language: initialLanguage(window.location.search, navigator.languages),
  needs: [],
  needId: undefined,
  shortlist: undefined,
  filter: NO_FILTER,
  changedLive: new Set(),
  expanded: new Set(),
  reasons: new Map(),
  live: 'connecting',
  rematch: undefined,
  error: undefined,
};
let live: LiveUpdates | undefined;

const root = document.getElementById('app')!;
const t = () => STRINGS[state.language];

const showError = (error: unknown): void => {
  state.error = t().failed(error instanceof Error ? error.message : String(error));
  render();
};

// --- Loading --------------------------------------------------------------------------------------------------------

const signIn = async (apiKey: string): Promise<void> => {
  live?.stop();
  sessionStorage.setItem(KEY_STORAGE, apiKey);
  const api = new DashboardApi(apiKey);
  Object.assign(state, { api, error: undefined, needs: [], needId: undefined, shortlist: undefined });
  try {
    [state.admin, state.needs] = await Promise.all([api.isAdmin(), api.openNeeds()]);
  } catch (error) {
    return showError(error);
  }
  live = new LiveUpdates(api, {
    onState: (next) => {
      state.live = next;
      renderLiveState();
    },
    onReady: () => void reloadShortlist(),
    onChange: onShortlistChange,
  });
  live.start();
  render();
};

const signOut = (): void => {
  live?.stop();
  sessionStorage.removeItem(KEY_STORAGE);
  Object.assign(state, { api: undefined, needs: [], needId: undefined, shortlist: undefined, rematch: undefined });
  render();
};

const reloadShortlist = async (): Promise<void> => {
  const { api, needId, language } = state;
  if (!api || !needId) return;
  try {
    const shortlist = await api.shortlist(needId, language);
    // A slower answer for a need or language no longer shown is dropped.
    if (needId !== state.needId || language !== state.language) return;
    state.shortlist = shortlist;
    state.error = undefined;
  } catch (error) {
    return showError(error);
  }
  render();
};

const openNeed = (needId: string): void => {
  Object.assign(state, {
    needId,
    shortlist: undefined,
    changedLive: new Set(),
    expanded: new Set(),
    reasons: new Map(),
  });
  render();
  void reloadShortlist();
};

const onShortlistChange = (change: ShortlistChange): void => {
  if (change.needId !== state.needId) return;
  for (const entry of [...change.added, ...change.moved]) state.changedLive.add(entry.companyId);
  // Events carry ids and scores only: names, explanations and labels come from the REST route, in the UI's language.
  void reloadShortlist();
};

const decide = async (match: MatchItem, decision: 'accepted' | 'declined', reason?: DecisionReason) => {
  const { api, needId } = state;
  if (!api || !needId) return;
  try {
    await api.decide(needId, match.companyId, decision, reason);
  } catch (error) {
    return showError(error);
  }
  await reloadShortlist();
};

const startRematch = async (): Promise<void> => {
  const api = state.api;
  if (!api) return;
  try {
    const { jobId } = await api.startRematch();
    for (;;) {
      state.rematch = await api.rematchJob(jobId);
      renderRematch();
      if (FINISHED_REMATCH.includes(state.rematch.status)) break;
      await new Promise((resolve) => window.setTimeout(resolve, REMATCH_POLL_MS));
    }
  } catch (error) {
    return showError(error);
  }
  await reloadShortlist();
};

const setLanguage = (language: Language): void => {
  state.language = language;
  const url = new URL(window.location.href);
  url.searchParams.set('lang', language);
  window.history.replaceState(null, '', url);
  render();
  void reloadShortlist();
};

// --- Rendering ------------------------------------------------------------------------------------------------------

const formatScore = (score: number): string => score.toFixed(2);

const renderLiveState = (): void => {
  const badge = document.getElementById('live-state');
  if (!badge) return;
  badge.dataset.state = state.live;
  badge.textContent = { live: t().live, connecting: t().connecting, offline: t().offline }[state.live];
};

const keyForm = (): HTMLElement => {
  const input = el('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true });
  return el(
    'form',
    {
      class: 'key-form',
      onsubmit: (event) => {
        event.preventDefault();
        void signIn(input.value.trim());
      },
    },
    el('label', { for: 'api-key' }, t().apiKey),
    input,
    el('button', { type: 'submit' }, t().useKey),
    el('p', { class: 'hint' }, t().keyHint),
  );
};

const header = (): HTMLElement =>
  el(
    'header',
    {},
    el('h1', {}, t().title),
    state.api ? el('span', { id: 'live-state', class: 'live-state' }) : null,
    el(
      'button',
      { id: 'language', type: 'button', onclick: () => setLanguage(state.language === 'en' ? 'zh' : 'en') },
      t().language,
    ),
    state.api ? el('button', { type: 'button', onclick: signOut }, t().forgetKey) : null,
  );

const needsList = (): HTMLElement =>
  el(
    'nav',
    { class: 'needs', 'aria-label': t().openNeeds },
    el('h2', {}, t().openNeeds),
    state.needs.length === 0
      ? el('p', {}, t().noNeeds)
      : el(
          'ul',
          {},
          ...state.needs.map((need) =>
            el(
              'li',
              {},
              el(
                'button',
                {
                  type: 'button',
                  class: 'need',
                  'data-need-id': need.id,
                  'aria-current': need.id === state.needId ? 'true' : undefined,
                  onclick: () => openNeed(need.id),
                },
                need.title,
                need.priority ? el('span', { class: `priority ${need.priority}` }, need.priority) : null,
              ),
            ),
          ),
        ),
  );

const filters = (): HTMLElement => {
  const update = (patch: Partial<ShortlistFilter>) => {
    state.filter = { ...state.filter, ...patch };
    renderRows();
  };
  const eligibleOnly = el('input', { id: 'filter-eligible', type: 'checkbox', checked: state.filter.eligibleOnly });
  eligibleOnly.addEventListener('change', () => update({ eligibleOnly: eligibleOnly.checked }));
  const minScore = el('input', {
    id: 'filter-min-score',
    type: 'number',
    min: 0,
    max: 1,
    step: 0.05,
    value: state.filter.minScore,
  });
  minScore.addEventListener('input', () => update({ minScore: Number(minScore.value) || 0 }));
  const text = el('input', { id: 'filter-text', type: 'search', placeholder: t().search, value: state.filter.text });
  text.addEventListener('input', () => update({ text: text.value }));
  return el(
    'div',
    { class: 'filters' },
    el('label', {}, eligibleOnly, ` ${t().eligibleOnly}`),
    el('label', {}, `${t().minScore} `, minScore),
    text,
    el('span', { id: 'shown-count', class: 'count' }),
  );
};

const breakdown = (match: MatchItem): HTMLElement => {
  const details = el(
    'details',
    { open: state.expanded.has(match.companyId) },
    el('summary', {}, t().breakdown),
    el(
      'table',
      { class: 'breakdown' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', {}, t().criterion),
          el('th', {}, t().score),
          el('th', {}, t().weight),
          el('th', {}, t().contribution),
          el('th', {}, t().explanation),
        ),
      ),
      el(
        'tbody',
        {},
        ...match.breakdown.map((criterion) =>
          el(
            'tr',
            { 'data-criterion': criterion.criterion },
            el('td', {}, t().criteria[criterion.criterion] ?? criterion.criterion),
            el('td', { class: 'number' }, formatScore(criterion.score)),
            el('td', { class: 'number' }, formatScore(criterion.weight)),
            el('td', { class: 'number' }, formatScore(criterion.contribution)),
            el('td', {}, criterion.explanation),
          ),
        ),
      ),
    ),
  );
  details.addEventListener('toggle', () => {
    if (details.open) state.expanded.add(match.companyId);
    else state.expanded.delete(match.companyId);
  });
  return details;
};

const decisionCell = (match: MatchItem): HTMLElement => {
  if (!state.admin) return el('td', {});
  if (match.decision?.decision === 'accepted') return el('td', { class: 'decided' }, t().accepted);
  const chosen = state.reasons.get(match.companyId) ?? DECISION_REASONS[0];
  const reason = el(
    'select',
    { 'data-field': 'reason', 'aria-label': t().reason },
    ...DECISION_REASONS.map((value) => el('option', { value, selected: value === chosen }, t().reasons[value])),
  );
  reason.addEventListener('change', () => state.reasons.set(match.companyId, reason.value as DecisionReason));
  return el(
    'td',
    {},
    el(
      'div',
      { class: 'actions' },
      el(
        'button',
        { type: 'button', 'data-action': 'accept', onclick: () => void decide(match, 'accepted') },
        t().accept,
      ),
      reason,
      el(
        'button',
        {
          type: 'button',
          'data-action': 'decline',
          onclick: () => void decide(match, 'declined', reason.value as DecisionReason),
        },
        t().decline,
      ),
    ),
  );
};

const row = (match: MatchItem): HTMLElement =>
  el(
    'tr',
    {
      'data-company-id': match.companyId,
      class: state.changedLive.has(match.companyId) ? 'changed-live' : undefined,
      title: state.changedLive.has(match.companyId) ? t().updatedLive : undefined,
    },
    el('td', { class: 'number' }, match.rank === null ? '' : String(match.rank)),
    el(
      'td',
      { class: 'company' },
      el('strong', { class: 'company-name' }, match.companyName),
      ' ',
      el(
        'span',
        { class: match.eligible ? 'badge eligible' : 'badge ineligible' },
        match.eligible ? t().eligible : t().notEligible,
      ),
      breakdown(match),
    ),
    el('td', { class: 'score' }, el('meter', { min: 0, max: 1, value: match.score }), ` ${formatScore(match.score)}`),
    el(
      'td',
      { class: 'unmet' },
      match.unmetRequirements.length === 0
        ? ''
        : el('ul', {}, ...match.unmetRequirements.map((requirement) => el('li', {}, requirement))),
    ),
    decisionCell(match),
  );

const renderRows = (): void => {
  const body = document.getElementById('shortlist-rows');
  const count = document.getElementById('shown-count');
  if (!body || !count || !state.shortlist) return;
  const shown = filterShortlist(state.shortlist.matches, state.filter);
  body.replaceChildren(...shown.map(row));
  count.textContent = t().shown(shown.length, state.shortlist.matches.length);
};

const shortlistSection = (): HTMLElement => {
  const need = state.needs.find((candidate) => candidate.id === state.needId);
  if (!need) return el('section', { class: 'shortlist' }, el('p', {}, t().pickNeed));
  return el(
    'section',
    { class: 'shortlist', 'aria-busy': state.shortlist ? undefined : 'true' },
    el('h2', {}, `${t().shortlist}: ${need.title}`),
    filters(),
    el(
      'table',
      { id: 'shortlist' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', {}, t().rank),
          el('th', {}, t().company),
          el('th', {}, t().score),
          el('th', {}, t().unmet),
          el('th', {}),
        ),
      ),
      el('tbody', { id: 'shortlist-rows' }),
    ),
  );
};

const renderRematch = (): void => {
  const target = document.getElementById('rematch-state');
  const job = state.rematch;
  if (!target || !job) return;
  target.replaceChildren(
    el('progress', { id: 'rematch-progress', max: Math.max(job.progress.total, 1), value: job.progress.done }),
    el('span', { 'data-rematch-status': job.status }, ` ${t().rematchStatus[job.status]} · `),
    t().progress(job.progress.done, job.progress.total),
    job.status === 'completed' ? ` · ${t().shortlistsChanged(job.shortlistsChanged)}` : '',
    job.error ? el('p', { class: 'error' }, job.error) : '',
  );
};

const adminSection = (): HTMLElement =>
  state.admin
    ? el(
        'section',
        { class: 'admin' },
        el('h2', {}, t().admin),
        el('button', { id: 'rematch', type: 'button', onclick: () => void startRematch() }, t().rematchAll),
        el('div', { id: 'rematch-state', 'aria-live': 'polite' }),
      )
    : el('p', { class: 'hint' }, t().readOnly);

const render = (): void => {
  document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : 'en';
  document.title = t().title;
  const error = state.error ? el('p', { class: 'error', role: 'alert' }, state.error) : '';
  if (!state.api) {
    root.replaceChildren(header(), error, el('main', {}, keyForm()));
    return;
  }
  root.replaceChildren(
    header(),
    error,
    el('main', {}, needsList(), el('div', { class: 'content' }, shortlistSection(), adminSection())),
  );
  renderLiveState();
  renderRows();
  renderRematch();
};

const storedKey = sessionStorage.getItem(KEY_STORAGE);
render();
if (storedKey) void signIn(storedKey);
