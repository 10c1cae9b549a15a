/*
 * Live seat counts on an event's public page: follows the availability stream (Server-Sent
 * Events) and writes its figures over the ones the page was rendered with. When the stream is
 * missing or fails, the page keeps the figures it loaded with and says nothing: EventSource gives
 * up by itself on a refused connection and retries on its own after a dropped one.
 */
(function () {
  "use strict";
  var page = document.getElementById("event");
  if (!page || typeof window.EventSource !== "function") {
    return;
  }
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function show(element, value) {
    if (element && typeof value === "number" && isFinite(value)) {
      element.textContent = numbers.format(value);
    }
  }

  var stream;
  try {
    stream = new EventSource(page.getAttribute("data-stream"));
  } catch (e) {
    return;
  }
  stream.addEventListener("availability", function (message) {
    var figures;
    try {
      figures = JSON.parse(message.data);
    } catch (e) {
      return;
    }
    if (!figures || String(figures.eventId) !== page.getAttribute("data-event-id")) {
      return;
    }
    show(document.getElementById("seats"), figures.availableSeats);
    (figures.ticketTypes || []).forEach(function (tier) {
      show(page.querySelector('[data-tier="' + Number(tier.id) + '"]'), tier.available);
    });
    page.setAttribute("data-live", "true");
  });
  stream.onerror = function () {
    if (stream.readyState === EventSource.CLOSED) {
      page.setAttribute("data-live", "false");
    }
  };
  window.addEventListener("pagehide", function () {
    stream.close();
  });
})();
