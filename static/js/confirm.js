// A form with data-confirm="question" asks before it is sent: for actions that cannot be undone in one click.
document.addEventListener("submit", (event) => {
  const question = event.target.dataset && event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
