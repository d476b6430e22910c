import type { DecisionReason, Language, RematchStatus } from './api.js';

interface Strings {
  title: string;
  apiKey: string;
  useKey: string;
  forgetKey: string;
  keyHint: string;
  language: string;
  openNeeds: string;
  noNeeds: string;
  pickNeed: string;
  shortlist: string;
  company: string;
  rank: string;
  score: string;
  eligible: string;
  notEligible: string;
  unmet: string;
  breakdown: string;
  criterion: string;
  criteria: Readonly<Record<string, string>>;
  weight: string;
  contribution: string;
  explanation: string;
  eligibleOnly: string;
  minScore: string;
  search: string;
  shown: (shown: number, total: number) => string;
  accept: string;
  decline: string;
  reason: string;
  accepted: string;
  reasons: Record<DecisionReason, string>;
  live: string;
  connecting: string;
  offline: string;
  updatedLive: string;
  admin: string;
  rematchAll: string;
  rematchStatus: Record<RematchStatus, string>;
  progress: (done: number, total: number) => string;
  shortlistsChanged: (count: number) => string;
  readOnly: string;
  failed: (message: string) => string;
}

const en: Strings = {
  title: 'Parkmatch dashboard',
  apiKey: 'API key',
  useKey: 'Use key',
  forgetKey: 'Forget key',
  keyHint: 'An admin or dashboard key; kept in this tab only (sessionStorage).',
  language: '中文',
  openNeeds: 'Open R&D needs',
  noNeeds: 'No open needs.',
  pickNeed: 'Pick a need to see its shortlist.',
  shortlist: 'Shortlist',
  company: 'Company',
  rank: 'Rank',
  score: 'Score',
  eligible: 'eligible',
  notEligible: 'not eligible',
  unmet: 'Unmet requirements',
  breakdown: 'Why',
  criterion: 'Criterion',
  criteria: {
    therapeuticArea: 'Therapeutic area',
    focus: 'Focus',
    target: 'Targets',
    modality: 'Modality',
    developmentStage: 'Development stage',
    capability: 'Capabilities',
    collaborationType: 'Collaboration type',
    reciprocity: 'Reciprocity',
    geography: 'Geography',
    partnerNetwork: 'Partner network',
    textRelevance: 'Text relevance',
    sector: 'Sector',
  },
  weight: 'Weight',
  contribution: 'Contribution',
  explanation: 'Explanation',
  eligibleOnly: 'Eligible only',
  minScore: 'Min score',
  search: 'Search companies',
  shown: (shown, total) => `${shown} of ${total} shown`,
  accept: 'Accept',
  decline: 'Decline',
  reason: 'Reason',
  accepted: 'accepted',
  reasons: {
    'too-early-stage': 'Too early stage',
    'not-relevant': 'Not relevant',
    'competitor-conflict': 'Competitor conflict',
    capacity: 'No capacity',
    other: 'Other',
  },
  live: 'live',
  connecting: 'connecting…',
  offline: 'offline, retrying…',
  updatedLive: 'updated live',
  admin: 'Admin',
  rematchAll: 'Rematch all needs',
  rematchStatus: {
    queued: 'queued',
    running: 'running',
    completed: 'completed',
    failed: 'failed',
    cancelled: 'cancelled',
  },
  progress: (done, total) => `${done} / ${total} needs`,
  shortlistsChanged: (count) => `${count} shortlists changed`,
  readOnly: 'This key reads only: decisions and rematches need an admin key.',
  failed: (message) => `Failed: ${message}`,
};

const zh: Strings = {
  title: 'Parkmatch 匹配看板',
  apiKey: 'API 密钥',
  useKey: '使用密钥',
  forgetKey: '清除密钥',
  keyHint: '管理员或看板密钥；仅保存在此标签页中（sessionStorage）。',
  language: 'English',
  openNeeds: '开放的研发需求',
  noNeeds: '没有开放的需求。',
  pickNeed: '选择一个需求查看其候选名单。',
  shortlist: '候选名单',
  company: '机构',
  rank: '排名',
  score: '得分',
  eligible: '符合条件',
  notEligible: '不符合条件',
  unmet: '未满足的要求',
  breakdown: '评分依据',
  criterion: '标准',
  criteria: {
    therapeuticArea: '治疗领域',
    focus: '研究重点',
    target: '靶点',
    modality: '药物形式',
    developmentStage: '研发阶段',
    capability: '能力',
    collaborationType: '合作方式',
    reciprocity: '互惠性',
    geography: '地域',
    partnerNetwork: '合作网络',
    textRelevance: '文本相关性',
    sector: '行业',
  },
  weight: '权重',
  contribution: '贡献',
  explanation: '说明',
  eligibleOnly: '仅显示符合条件的',
  minScore: '最低得分',
  search: '搜索机构',
  shown: (shown, total) => `显示 ${shown} / ${total}`,
  accept: '接受',
  decline: '拒绝',
  reason: '原因',
  accepted: '已接受',
  reasons: {
    'too-early-stage': '阶段过早',
    'not-relevant': '不相关',
    'competitor-conflict': '竞争冲突',
    capacity: '能力不足',
    other: '其他',
  },
  live: '实时',
  connecting: '连接中…',
  offline: '已断开，正在重试…',
  updatedLive: '实时更新',
  admin: '管理',
  rematchAll: '重新匹配全部需求',
  rematchStatus: {
    queued: '排队中',
    running: '进行中',
    completed: '已完成',
    failed: '失败',
    cancelled: '已取消',
  },
  progress: (done, total) => `${done} / ${total} 个需求`,
  shortlistsChanged: (count) => `${count} 个候选名单已变更`,
  readOnly: '此密钥只能读取：决定与重新匹配需要管理员密钥。',
  failed: (message) => `失败：${message}`,
};

export const STRINGS: Readonly<Record<Language, Strings>> = { en, zh };

/** `?lang=zh` in the page's address, else the browser's first language, else English. */
export const initialLanguage = (search: string, browserLanguages: readonly string[]): Language => {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'zh' || asked === 'en') return asked;
  return browserLanguages[0]?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
};
