// Just enough Markdown for docs/method.md (headings, paragraphs, lists, emphasis, code, links), built as
// DOM nodes rather than HTML text, so that nothing in the text can become markup.

const INLINE = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`|\[[^\]]+\]\([^)]+\))/;

function inline(parent, text) {
  for (const part of text.split(INLINE)) {
    if (!part) continue;
    let node;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) {
      node = document.createElement('strong');
      inline(node, part.slice(2, -2));
    } else if (part.startsWith('`') && part.endsWith('`') && part.length > 2) {
      node = document.createElement('code');
      node.textContent = part.slice(1, -1);
    } else if (part.startsWith('*') && part.endsWith('*') && part.length > 2) {
      node = document.createElement('em');
      inline(node, part.slice(1, -1));
    } else if (part.startsWith('[') && part.includes('](')) {
      const label = part.slice(1, part.indexOf(']('));
      const href = part.slice(part.indexOf('](') + 2, -1);
      node = document.createElement('a');
      // Links to other documents of the repository mean nothing on the page: they stay text.
      if (/^(https:\/\/|\/|#)/.test(href)) node.setAttribute('href', href);
      inline(node, label);
    } else {
      node = document.createTextNode(part);
    }
    parent.appendChild(node);
  }
}

export function renderMarkdown(target, source) {
  target.replaceChildren();
  let list = null;
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) {
      const p = document.createElement('p');
      inline(p, paragraph.join(' '));
      target.appendChild(p);
      paragraph = [];
    }
  };
  for (const raw of source.split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const item = /^(?:[-*]|\d+\.) (.*)$/.exec(line);
    if (heading) {
      flush(); list = null;
      const h = document.createElement('h' + heading[1].length);
      inline(h, heading[2]);
      target.appendChild(h);
    } else if (item) {
      flush();
      if (!list) {
        list = document.createElement(/^\d/.test(line) ? 'ol' : 'ul');
        target.appendChild(list);
      }
      const li = document.createElement('li');
      inline(li, item[1]);
      list.appendChild(li);
    } else if (line === '') {
      flush(); list = null;
    } else if (list && /^\s+/.test(raw)) {
      const li = list.lastElementChild;
      li.appendChild(document.createTextNode(' '));
      inline(li, line.trim());
    } else {
      list = null;
      paragraph.push(line);
    }
  }
  flush();
}
