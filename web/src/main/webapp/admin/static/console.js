// T-Work Points console: the only script. Asks before destructive actions (buttons with data-confirm).
// Everything works without it; the server checks every action anyway.
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var question = button && button.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
