// argmap's map page: pan and zoom over the Graphviz drawing, search, a position switcher, a
// status toggle and a panel for the selected claim. Everything it shows comes from the JSON in
// #map-data and is put into the page as text (textContent), never as markup.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('map-data').textContent);
  var map = data.map;
  var claims = new Map();
  map.claims.forEach(function (claim) { if (!claims.has(claim.id)) claims.set(claim.id, claim); });
  var positions = new Map(map.positions.map(function (p) { return [p.id, p]; }));
  var sources = new Map((map.sources || []).map(function (s) { return [s.id, s]; }));
  var groups = new Map((map.groups || []).map(function (g) { return [g.id, g]; }));
  var statuses = new Map(data.statuses.map(function (s) { return [s.id, s]; }));

  var canvas = document.getElementById('canvas');
  var svg = canvas.querySelector('svg');
  var searchBox = document.getElementById('search');
  var searchStatus = document.getElementById('search-status');
  var results = document.getElementById('results');
  var positionSelect = document.getElementById('position');
  var panel = document.getElementById('panel');
  var panelTitle = document.getElementById('panel-title');
  var panelBody = document.getElementById('panel-body');
  var legend = document.getElementById('status-legend');

  // How each relation reads from either end, in the order the panel lists them.
  var incoming = {
    supports: 'Supported by', rebuts: 'Rebutted by', undercuts: 'Undercut by',
    contradicts: 'Contradicts', rephrases: 'Rephrased by', prefers: 'Less preferred than'
  };
  var outgoing = {
    supports: 'Supports', rebuts: 'Rebuts', undercuts: 'Undercuts',
    contradicts: 'Contradicts', rephrases: 'Rephrases', prefers: 'Preferred to'
  };
  var attackKinds = { rebuts: true, undercuts: true, contradicts: true };

  // The drawing's parts, found by the titles Graphviz gives them: a node's is its claim id, an
  // edge's "from->to", a cluster's "cluster_<position>" or "cluster:group:<group>".
  var nodes = new Map();
  var edges = [];
  var clusters = [];
  function titleOf(element) {
    var title = element.querySelector('title');
    return title ? title.textContent : '';
  }
  svg.querySelectorAll('g.node').forEach(function (g) {
    var id = titleOf(g);
    if (!claims.has(id) || nodes.has(id)) return;
    nodes.set(id, g);
    var claim = claims.get(id);
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', label(claim));
    g.dataset.claim = id;
  });
  var relations = map.relations.filter(function (r) { return claims.has(r.from) && claims.has(r.to); });
  var relationByEnds = new Map(relations.map(function (r) { return [r.from + '->' + r.to, r]; }));
  svg.querySelectorAll('g.edge').forEach(function (g) {
    var relation = relationByEnds.get(titleOf(g));
    if (relation) edges.push({ element: g, relation: relation });
  });
  svg.querySelectorAll('g.cluster').forEach(function (g) {
    var name = titleOf(g);
    var position = null;
    if (name.indexOf('cluster_') === 0) position = name.slice('cluster_'.length);
    else if (name.indexOf('cluster:group:') === 0) {
      var group = groups.get(name.slice('cluster:group:'.length));
      position = group ? group.position : null;
    }
    if (position !== null) clusters.push({ element: g, position: position });
  });

  function label(claim) {
    return claim.id + ': ' + (claim.title ? claim.title + '. ' : '') + claim.text;
  }

  // ---- Pan and zoom: the SVG's viewBox is the window onto the drawing. ----
  var view = null;
  function setView(box) {
    view = box;
    svg.setAttribute('viewBox', [box.x, box.y, box.width, box.height].join(' '));
  }
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  var whole = svg.viewBox.baseVal;
  var drawing = { x: whole.x, y: whole.y, width: whole.width, height: whole.height };

  // The box, in the SVG's user units, around the visible parts of the drawing.
  function visibleBox() {
    var shown = Array.from(nodes.values()).filter(function (g) { return !g.classList.contains('hidden'); });
    if (shown.length === nodes.size || shown.length === 0) return drawing;
    var inverse = svg.getScreenCTM().inverse();
    var box = null;
    shown.forEach(function (g) {
      var r = g.getBoundingClientRect();
      var a = new DOMPoint(r.left, r.top).matrixTransform(inverse);
      var b = new DOMPoint(r.right, r.bottom).matrixTransform(inverse);
      if (!box) box = { x0: a.x, y0: a.y, x1: b.x, y1: b.y };
      box.x0 = Math.min(box.x0, a.x); box.y0 = Math.min(box.y0, a.y);
      box.x1 = Math.max(box.x1, b.x); box.y1 = Math.max(box.y1, b.y);
    });
    var margin = 20;
    return {
      x: box.x0 - margin, y: box.y0 - margin,
      width: box.x1 - box.x0 + 2 * margin, height: box.y1 - box.y0 + 2 * margin
    };
  }
  function fit() { setView(visibleBox()); }

  // Zooms by `factor` (below 1 zooms in) keeping the point (px, py) of the SVG where it is.
  function zoom(factor, px, py) {
    if (px === undefined) { px = view.x + view.width / 2; py = view.y + view.height / 2; }
    var width = Math.min(Math.max(view.width * factor, 20), drawing.width * 20);
    var scale = width / view.width;
    setView({
      x: px - (px - view.x) * scale, y: py - (py - view.y) * scale,
      width: width, height: view.height * scale
    });
  }
  function svgPoint(event) {
    return new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
  }
  canvas.addEventListener('wheel', function (event) {
    event.preventDefault();
    var point = svgPoint(event);
    zoom(Math.exp(event.deltaY * 0.0015), point.x, point.y);
  }, { passive: false });
  var drag = null;
  canvas.addEventListener('pointerdown', function (event) {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, view: view, moved: false, id: event.pointerId };
  });
  canvas.addEventListener('pointermove', function (event) {
    if (!drag) return;
    var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) { drag.moved = true; canvas.classList.add('dragging'); canvas.setPointerCapture(drag.id); }
    var ctm = svg.getScreenCTM();
    setView({
      x: drag.view.x - dx / ctm.a, y: drag.view.y - dy / ctm.d,
      width: drag.view.width, height: drag.view.height
    });
  });
  function endDrag() {
    if (drag && drag.moved) {
      canvas.classList.remove('dragging');
      // A drag is not a click: swallow the click that ends it.
      canvas.addEventListener('click', function swallow(e) { e.stopPropagation(); }, { capture: true, once: true });
    }
    drag = null;
  }
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  document.getElementById('zoom-in').addEventListener('click', function () { zoom(0.8); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(1.25); });
  document.getElementById('zoom-fit').addEventListener('click', fit);

  // Brings a claim's node into view when it is outside, keeping the zoom, or zooms to it at
  // its natural size when it is too small to read.
  function reveal(id) {
    var g = nodes.get(id);
    if (!g) return;
    var r = g.getBoundingClientRect(), c = canvas.getBoundingClientRect();
    var readable = r.width >= 60;
    if (readable && r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom) return;
    var inverse = svg.getScreenCTM().inverse();
    var centre = new DOMPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2).matrixTransform(inverse);
    var width = readable ? view.width : c.width, height = readable ? view.height : c.height;
    setView({ x: centre.x - width / 2, y: centre.y - height / 2, width: width, height: height });
  }

  // ---- Search: by id, title, text, quote and speaker. ----
  function matches(claim, query) {
    return [claim.id, claim.title, claim.text, claim.quote, claim.speaker].some(function (field) {
      return typeof field === 'string' && field.toLowerCase().indexOf(query) !== -1;
    });
  }
  function search() {
    var query = searchBox.value.trim().toLowerCase();
    results.replaceChildren();
    if (!query) {
      nodes.forEach(function (g) { g.classList.remove('match', 'dim'); });
      edges.forEach(function (e) { e.element.classList.remove('dim'); });
      searchStatus.textContent = '';
      results.hidden = true;
      return;
    }
    var found = [];
    claims.forEach(function (claim, id) {
      var hit = matches(claim, query);
      if (hit) found.push(claim);
      var g = nodes.get(id);
      if (g) { g.classList.toggle('match', hit); g.classList.toggle('dim', !hit); }
    });
    edges.forEach(function (e) { e.element.classList.add('dim'); });
    searchStatus.textContent = found.length === 1 ? '1 claim' : found.length + ' claims';
    found.slice(0, 100).forEach(function (claim) { results.appendChild(claimItem(claim)); });
    results.hidden = found.length === 0;
  }
  searchBox.addEventListener('input', search);
  searchBox.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      var first = results.querySelector('a');
      if (first) { event.preventDefault(); select(first.dataset.claim, true); }
    }
  });

  // ---- Position switcher: one position and the claims that link into it, or all. ----
  map.positions.forEach(function (position) {
    var option = document.createElement('option');
    option.value = position.id;
    option.textContent = position.title + ' (' + position.id + ')';
    positionSelect.appendChild(option);
  });
  function showPosition(position) {
    var shown = new Set();
    claims.forEach(function (claim, id) { if (!position || claim.position === position) shown.add(id); });
    if (position) {
      relations.forEach(function (r) {
        if (claims.get(r.to).position === position) shown.add(r.from);
        if (claims.get(r.from).position === position) shown.add(r.to);
      });
    }
    nodes.forEach(function (g, id) { g.classList.toggle('hidden', !shown.has(id)); });
    edges.forEach(function (e) {
      e.element.classList.toggle('hidden', !(shown.has(e.relation.from) && shown.has(e.relation.to)));
    });
    clusters.forEach(function (c) { c.element.classList.toggle('hidden', !!position && c.position !== position); });
    fit();
  }
  positionSelect.addEventListener('change', function () { showPosition(positionSelect.value); });

  // ---- Status toggle: colour nodes by grounded or preferred standing, or by strength. ----
  var statusField = document.getElementById('status');
  data.statuses.concat(data.unavailable || []).forEach(function (status) {
    var wrapper = document.createElement('label');
    var input = document.createElement('input');
    input.type = 'radio';
    input.name = 'status';
    input.value = status.id;
    wrapper.appendChild(input);
    wrapper.appendChild(document.createTextNode(' ' + status.id));
    if (!statuses.has(status.id)) {
      input.disabled = true;
      wrapper.classList.add('unavailable');
      wrapper.title = status.reason;
    }
    statusField.appendChild(wrapper);
  });
  var currentStatus = null;
  // Strength from 0 to 1: vermillion through white to blue.
  function strengthColour(value) {
    var low = [240, 170, 120], mid = [255, 255, 255], high = [110, 180, 230];
    var t = Math.min(1, Math.max(0, value));
    var from = t < 0.5 ? low : mid, to = t < 0.5 ? mid : high, f = t < 0.5 ? t * 2 : (t - 0.5) * 2;
    return 'rgb(' + from.map(function (a, i) { return Math.round(a + (to[i] - a) * f); }).join(',') + ')';
  }
  function showStatus(id) {
    currentStatus = statuses.get(id) || null;
    nodes.forEach(function (g, claimID) {
      g.classList.remove('st-accepted', 'st-credulous', 'st-rejected', 'st-undecided', 'st-strength');
      g.style.removeProperty('--strength-fill');
      var entry = currentStatus && currentStatus.claims[claimID];
      if (!entry) return;
      if (typeof entry.strength === 'number') {
        g.classList.add('st-strength');
        g.style.setProperty('--strength-fill', strengthColour(entry.strength));
      } else {
        g.classList.add('st-' + entry.standing);
      }
    });
    drawLegend();
    if (selected) showPanel(selected);
  }
  function drawLegend() {
    legend.replaceChildren();
    legend.hidden = !currentStatus;
    if (!currentStatus) return;
    var heading = document.createElement('h2');
    heading.textContent = currentStatus.title;
    var list = document.createElement('ul');
    var entries = currentStatus.id === 'strength'
      ? [0, 0.25, 0.5, 0.75, 1].map(function (v) { return { text: v.toFixed(2), colour: strengthColour(v) }; })
      : currentStatus.standings.map(function (s) { return { text: s, className: 'st-' + s }; });
    entries.forEach(function (entry) {
      var item = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'swatch ' + (entry.className || '');
      if (entry.colour) swatch.style.background = entry.colour;
      swatch.setAttribute('aria-hidden', 'true');
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(entry.text));
      list.appendChild(item);
    });
    legend.appendChild(heading);
    legend.appendChild(list);
  }
  statusField.addEventListener('change', function (event) { showStatus(event.target.value); });

  // ---- The panel of the selected claim. ----
  var selected = null;
  function element(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }
  function claimLink(claim) {
    var a = element('a', claim.id);
    a.href = '#' + encodeURIComponent(claim.id);
    a.dataset.claim = claim.id;
    return a;
  }
  function claimItem(claim) {
    var item = element('li');
    item.appendChild(claimLink(claim));
    var text = claim.title || claim.text;
    item.appendChild(element('span', ' ' + (text.length > 90 ? text.slice(0, 89) + '…' : text), 'snippet'));
    return item;
  }
  function neighbourGroups(id) {
    var order = [], byLabel = new Map();
    function add(labelText, kind, other) {
      if (!byLabel.has(labelText)) { byLabel.set(labelText, { kind: kind, ids: [] }); order.push(labelText); }
      var list = byLabel.get(labelText).ids;
      if (list.indexOf(other) === -1) list.push(other);
    }
    Object.keys(incoming).forEach(function (kind) {
      relations.forEach(function (r) { if (r.kind === kind && r.to === id) add(incoming[kind], kind, r.from); });
    });
    Object.keys(outgoing).forEach(function (kind) {
      relations.forEach(function (r) { if (r.kind === kind && r.from === id) add(outgoing[kind], kind, r.to); });
    });
    return order.map(function (l) { return { label: l, kind: byLabel.get(l).kind, ids: byLabel.get(l).ids }; });
  }
  function showPanel(id) {
    var claim = claims.get(id);
    panelTitle.textContent = claim.title ? claim.title : claim.id;
    var body = [];
    if (claim.title) body.push(element('p', claim.id, 'claim-id'));
    body.push(element('p', claim.text, 'claim-text'));
    var facts = element('dl');
    function fact(term, value) {
      if (value === undefined || value === null || value === '') return;
      facts.appendChild(element('dt', term));
      facts.appendChild(element('dd', value));
    }
    fact('Kind', claim.kind);
    var position = claim.position && positions.get(claim.position);
    fact('Position', position ? position.title + ' (' + position.id + ')' : claim.position);
    var group = claim.group && groups.get(claim.group);
    fact('Group', group ? group.title : null);
    if (claim.source) {
      var source = sources.get(claim.source);
      fact('Source', source ? source.title + ' (' + source.id + ')' : claim.source);
      if (source && source.url) fact('Address', source.url);
    }
    fact('Comment', claim.comment);
    fact('Speaker', claim.speaker);
    fact('Time', claim.time);
    if (claim.tags && claim.tags.length) fact('Tags', claim.tags.join(', '));
    body.push(facts);
    if (claim.quote) {
      var quote = element('blockquote', claim.quote, 'quote');
      quote.setAttribute('aria-label', 'Quote from the source');
      body.push(quote);
    }
    data.statuses.forEach(function (status) {
      var entry = status.claims[id];
      if (!entry) return;
      var line = element('p');
      line.appendChild(element('span', status.id + ': ' + (entry.note || entry.standing), 'standing'));
      if (entry.reason) line.appendChild(document.createTextNode(' — ' + entry.reason));
      body.push(line);
    });
    neighbourGroups(id).forEach(function (groupOfNeighbours) {
      var section = element('section', null, attackKinds[groupOfNeighbours.kind] ? 'rel-attacks' : 'rel-' + groupOfNeighbours.kind);
      section.appendChild(element('h3', groupOfNeighbours.label + ' (' + groupOfNeighbours.ids.length + ')'));
      var list = element('ul');
      groupOfNeighbours.ids.forEach(function (other) { list.appendChild(claimItem(claims.get(other))); });
      section.appendChild(list);
      body.push(section);
    });
    panelBody.replaceChildren.apply(panelBody, body);
    panel.hidden = false;
  }
  function select(id, focusNode) {
    if (!claims.has(id)) return;
    if (selected && nodes.get(selected)) nodes.get(selected).classList.remove('selected');
    nodes.forEach(function (g) { g.classList.remove('cursor'); });
    selected = id;
    markEdges(id);
    var g = nodes.get(id);
    if (g) {
      g.classList.add('selected');
      if (g.classList.contains('hidden')) { positionSelect.value = ''; showPosition(''); }
      reveal(id);
      if (focusNode) g.focus({ preventScroll: true });
    }
    showPanel(id);
    if (decodeURIComponent(location.hash.slice(1)) !== id) {
      history.replaceState(null, '', '#' + encodeURIComponent(id));
    }
  }
  // The selected claim's relations stand out, so a long one can be followed across the map.
  function markEdges(id) {
    edges.forEach(function (e) {
      e.element.classList.toggle('active', id !== null && (e.relation.from === id || e.relation.to === id));
    });
  }
  function deselect() {
    if (selected && nodes.get(selected)) nodes.get(selected).classList.remove('selected');
    nodes.forEach(function (g) { g.classList.remove('cursor'); });
    selected = null;
    markEdges(null);
    panel.hidden = true;
    history.replaceState(null, '', location.pathname + location.search);
  }
  document.getElementById('panel-close').addEventListener('click', deselect);

  // Links to claims (panel, results) select in place; a deep link does the same on load.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-claim]');
    if (link) { event.preventDefault(); select(link.dataset.claim, false); link.blur(); panelTitle.focus(); return; }
    var g = event.target.closest && event.target.closest('g.node');
    if (g && g.dataset.claim) select(g.dataset.claim, true);
  });
  panelTitle.setAttribute('tabindex', '-1');
  function followHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && id !== selected && claims.has(id)) select(id, true);
  }
  window.addEventListener('hashchange', followHash);

  // ---- Keyboard. ----
  function neighbourLinks() { return Array.from(panelBody.querySelectorAll('a[data-claim]')); }
  document.addEventListener('keydown', function (event) {
    var typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (event.key === 'Escape') {
      if (event.target === searchBox && searchBox.value) { searchBox.value = ''; search(); return; }
      if (selected) { var back = nodes.get(selected); deselect(); if (back) back.focus({ preventScroll: true }); }
      else if (typing) event.target.blur();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '/') { event.preventDefault(); searchBox.focus(); searchBox.select(); return; }
    var g = event.target.closest && event.target.closest('g.node');
    if ((event.key === 'Enter' || event.key === ' ') && g) { event.preventDefault(); select(g.dataset.claim, true); return; }
    if (event.key === '+' || event.key === '=') { zoom(0.8); return; }
    if (event.key === '-') { zoom(1.25); return; }
    if (event.key === '0') { fit(); return; }
    var step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (!step || !selected) return;
    // Arrows walk the selected claim's neighbours, as Tab does through the panel's links.
    var links = neighbourLinks();
    if (!links.length) return;
    event.preventDefault();
    var at = links.indexOf(document.activeElement);
    var next = links[(at + step + links.length + (at === -1 && step < 0 ? 1 : 0)) % links.length];
    next.focus();
  });
  panelBody.addEventListener('focusin', function (event) {
    var id = event.target.dataset && event.target.dataset.claim;
    nodes.forEach(function (g, key) { g.classList.toggle('cursor', key === id); });
  });

  fit();
  if (data.initialStatus && statuses.has(data.initialStatus)) {
    statusField.querySelectorAll('input').forEach(function (input) {
      input.checked = input.value === data.initialStatus;
    });
    showStatus(data.initialStatus);
  }
  followHash();
  document.documentElement.dataset.ready = 'true';
})();
