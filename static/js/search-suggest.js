/* Type-ahead for every search box with data-suggest-url (the header's on every page, the search
   page's): WAI-ARIA 1.2 combobox with a listbox popup. Each option shows the page title and its
   type ("Methode", "Veranstaltung"). Progressive enhancement: without this script the plain
   search form works; the popup is positioned over the page, so nothing shifts. */
(function () {
  "use strict";

  function init(input) {
    var url = input.getAttribute("data-suggest-url");
    if (!url || !window.fetch) { return; }
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var active = -1;
    var timer = null;
    var lastQuery = null;
    var request = 0;

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      var items = options();
      if (!items.length) { return; }
      if (index < 0) { index = items.length - 1; }
      if (index >= items.length) { index = 0; }
      for (var i = 0; i < items.length; i++) {
        items[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      input.setAttribute("aria-activedescendant", items[index].id);
    }

    function render(suggestions) {
      // A late answer (the user kept typing) must not take away the option they already chose.
      var items = options();
      var chosen = active >= 0 && items[active] ? items[active].getAttribute("data-url") : null;
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      suggestions.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", item.url);
        option.textContent = item.title;
        if (item.type) {
          var type = document.createElement("span");
          type.className = "search-suggestion-type";
          var comma = document.createElement("span");
          comma.className = "visually-hidden";
          comma.textContent = ", ";
          type.appendChild(comma);
          type.appendChild(document.createTextNode(item.type));
          option.appendChild(type);
        }
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();  // keep focus in the input
          window.location.assign(item.url);
        });
        list.appendChild(option);
      });
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = input.getAttribute("data-status-some").replace("{n}", suggestions.length);
        var again = suggestions.findIndex(function (item) { return item.url === chosen; });
        if (again >= 0) { setActive(again); }
      } else {
        close();
        status.textContent = input.value.trim().length >= 2 ? input.getAttribute("data-status-none") : "";
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (query.length < 2) { render([]); return; }
      var current = ++request;
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (current === request) { render(data.suggestions || []); } })
        .catch(function () { if (current === request) { render([]); } });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open && options().length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        setActive(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (open) { setActive(active - 1); }
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          window.location.assign(options()[active].getAttribute("data-url"));
        }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); }
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(init);
})();
