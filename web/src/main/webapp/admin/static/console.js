// T-Work Points console: the only script. Asks before destructive actions (buttons with data-confirm).
// Everything works without it; the server checks every action anyway.
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var question = button && button.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// Phones: the menu folds behind the "Menu" button (the stylesheet hides it only when this script runs).
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  var toggle = document.getElementById('menu-toggle');
  if (!toggle) {
    return;
  }
  toggle.addEventListener('click', function () {
    var header = toggle.closest('.top');
    var open = header.classList.toggle('open');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
});
