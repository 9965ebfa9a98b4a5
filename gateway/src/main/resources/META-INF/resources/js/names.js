// Names and texts of facets, goals and indicators from the plan document (English names, measurement
// standards), looked up by id. The scorecard carries the published (zh-TW) names; the English UI shows
// the document's English name first when it has one.

import { language } from './i18n.js';

export function indexDocument(document) {
  const index = new Map();
  const visit = (node, depth) => {
    if (depth > 8 || node === null || typeof node !== 'object') {
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((child) => visit(child, depth + 1));
      return;
    }
    if (typeof node.id === 'string' && (node.name !== undefined || node.name_en !== undefined || node.nameEn !== undefined)
        && !index.has(node.id)) {
      index.set(node.id, node);
    }
    // facets and goals before anything else that might reuse an id (programs, sources)
    const keys = Object.keys(node).sort((a, b) => rank(a) - rank(b));
    keys.forEach((key) => visit(node[key], depth + 1));
  };
  visit(document, 0);
  return index;
}

function rank(key) {
  return { facets: 0, goals: 1, common_goals: 2, indicators: 3 }[key] ?? 10;
}

/** {primary, secondary}: the name to show and the other language's name, if any. */
export function nameOf(index, id, publishedName) {
  const node = index ? index.get(id) : null;
  const zh = publishedName || (node && node.name) || id;
  const en = node ? (node.name_en || node.nameEn || null) : null;
  if (language() === 'en' && en) {
    return { primary: en, secondary: zh };
  }
  return { primary: zh, secondary: null };
}

/** A field of the document's node for this id (e.g. measurement_standard), or null. */
export function fieldOf(index, id, ...fields) {
  const node = index ? index.get(id) : null;
  if (!node) {
    return null;
  }
  for (const field of fields) {
    if (node[field] !== undefined && node[field] !== null && node[field] !== '') {
      return node[field];
    }
  }
  return null;
}
