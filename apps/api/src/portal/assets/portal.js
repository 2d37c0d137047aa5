// The portal's only script, loaded from this server (the pages' Content-Security-Policy allows no
// other and no inline code). The pages are whole without it: it adds sorting, charts and live updates.
'use strict';

(function () {
  document.querySelectorAll('table[data-sortable]').forEach(makeSortable);
  document.querySelectorAll('canvas[data-chart]').forEach(drawChart);
  var feed = document.getElementById('feed');
  if (feed) followFeed(feed);

  /** Header cells become buttons (keyboard-usable); aria-sort tells screen readers the order. */
  function makeSortable(table) {
    var headers = table.tHead.rows[0].cells;
    var label = table.getAttribute('data-sort-label') || '{column}';
    Array.prototype.forEach.call(headers, function (header, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = header.textContent;
      button.title = label.replace('{column}', header.textContent);
      header.textContent = '';
      header.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (other) {
          other.removeAttribute('aria-sort');
        });
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        sortRows(table.tBodies[0], index, ascending);
      });
    });
  }

  function sortRows(body, index, ascending) {
    var rows = Array.prototype.slice.call(body.rows);
    var valueOf = function (row) {
      var cell = row.cells[index];
      return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
    };
    rows.sort(function (a, b) {
      var x = valueOf(a);
      var y = valueOf(b);
      // Cells without a figure go last whichever way the column is sorted.
      if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
      var order = isFinite(x) && isFinite(y) ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
  }

  /**
   * One chart per indicator: the quarterly target as a line, each reported quarter's realisation
   * as a bar. A survey's chart (kind "means") is one bar per question on the answers' own scale.
   */
  function drawChart(canvas) {
    if (typeof Chart === 'undefined') return;
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    if (data.kind === 'shares') {
      // Zona Integritas: each area's score as a share of its weight, each predikat's threshold a line.
      var lines = data.thresholds.map(function (threshold, index) {
        return {
          type: 'line',
          label: threshold.label,
          data: data.labels.map(function () {
            return threshold.value;
          }),
          borderColor: index === 0 ? '#b45309' : '#1d4ed8',
          borderDash: [6, 4],
          pointRadius: 0,
        };
      });
      new Chart(canvas, {
        data: { labels: data.labels, datasets: [{ type: 'bar', label: data.label, data: data.data, backgroundColor: '#15803d' }].concat(lines) },
        options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } } },
      });
      return;
    }
    if (data.kind === 'means') {
      new Chart(canvas, {
        type: 'bar',
        data: { labels: data.labels, datasets: [{ label: data.label, data: data.data, backgroundColor: '#15803d' }] },
        options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 0, max: data.max } } },
      });
      return;
    }
    var target = data.datasets[0];
    var datasets = [{ type: 'bar', label: data.datasets[1].label, data: data.datasets[1].data, backgroundColor: '#15803d' }];
    // Without quarterly targets there is no line to draw (the page says the target is annual).
    var hasTarget = target.data.some(function (value) {
      return value !== null;
    });
    if (hasTarget)
      datasets.unshift({ type: 'line', label: target.label, data: target.data, borderColor: '#1d4ed8', backgroundColor: '#1d4ed8', spanGaps: true });
    new Chart(canvas, {
      data: { labels: data.labels, datasets: datasets },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, title: { display: true, text: data.unit } } } },
    });
  }

  /**
   * New public items as they happen, after the newest one the page was rendered with. When the
   * connection drops, EventSource reconnects by itself and sends Last-Event-ID, from which the
   * server resumes: nothing is missed or shown twice.
   */
  function followFeed(list) {
    if (typeof EventSource === 'undefined') return;
    var after = list.getAttribute('data-after');
    var names = JSON.parse(list.getAttribute('data-names') || '{}');
    var lang = list.getAttribute('data-lang');
    var time = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: list.getAttribute('data-time-zone') || undefined,
    });
    var pageQuery = list.getAttribute('data-page-query') || '';
    var documentLabel = list.getAttribute('data-document-label');
    var source = new EventSource(list.getAttribute('data-live-href') + (after ? '?after=' + encodeURIComponent(after) : ''));
    source.addEventListener('item', function (event) {
      var item = JSON.parse(event.data);
      list.insertBefore(feedItem(item, names, time, pageQuery, documentLabel), list.firstChild);
      while (list.children.length > 50) list.removeChild(list.lastChild);
      var empty = document.querySelector('.feed-empty');
      if (empty) empty.hidden = true;
    });
  }

  /** The markup pages/feed-panel.ts renders for an item, made with DOM calls (no HTML from data). */
  function feedItem(item, names, time, pageQuery, documentLabel) {
    var li = document.createElement('li');
    li.setAttribute('data-position', item.position);
    var type = paragraph('feed-type', (names[item.type] || item.type) + ' · ');
    var link = document.createElement('a');
    link.href = item.pageUrl + pageQuery;
    link.textContent = item.opdCode + ' ' + item.year;
    type.appendChild(link);
    if (/\.pdf$/.test(item.link)) {
      var pdf = document.createElement('a');
      pdf.href = item.link;
      pdf.textContent = documentLabel;
      type.appendChild(document.createTextNode(' · '));
      type.appendChild(pdf);
    }
    var title = paragraph('feed-title', item.title);
    title.lang = 'id';
    var when = paragraph('feed-time', '');
    var stamp = document.createElement('time');
    stamp.dateTime = item.occurredAt;
    stamp.textContent = time.format(new Date(item.occurredAt));
    when.appendChild(stamp);
    li.appendChild(type);
    li.appendChild(title);
    li.appendChild(when);
    return li;
  }

  function paragraph(className, text) {
    var p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
  }
})();
