// A tiny element builder: data from the API only ever goes in as text or attribute values.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(element, attrs, children) {
  Object.entries(attrs || {}).forEach(([name, v]) => {
    if (v === undefined || v === null || v === false) {
      return;
    }
    if (name === 'class') {
      element.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    } else if (name === 'testid') {
      element.setAttribute('data-testid', v);
    } else if (name.startsWith('on') && typeof v === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), v);
    } else if (name === 'style') {
      // Through the CSSOM: the Content-Security-Policy forbids style attributes.
      element.style.cssText = String(v);
    } else if (name === 'dataset') {
      Object.entries(v).forEach(([key, dv]) => {
        if (dv !== undefined && dv !== null) {
          element.dataset[key] = String(dv);
        }
      });
    } else {
      element.setAttribute(name, v === true ? '' : String(v));
    }
  });
  append(element, children);
  return element;
}

function append(element, children) {
  children.flat(Infinity).forEach((child) => {
    if (child === undefined || child === null || child === false || child === '') {
      return;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
}

/** An HTML element: h('td', {class: 'num', testid: 'points'}, '1.80'). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(element) {
  while (element.firstChild) {
    element.firstChild.remove();
  }
  return element;
}

export function replace(element, ...children) {
  clear(element);
  append(element, children);
  return element;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}
