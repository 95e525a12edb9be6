// Copy buttons for the citation block. Without JavaScript the citations stay
// plain, selectable text and the buttons stay hidden.
for (const button of document.querySelectorAll("button.salin[data-salin]")) {
  button.hidden = false;
  button.addEventListener("click", async () => {
    const source = document.getElementById(button.dataset.salin);
    const status = document.getElementById("status-salin");
    const text = source.textContent.replace(/\s+/g, " ").trim();
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Kutipan disalin.";
    } catch {
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      status.textContent = "Kutipan sudah dipilih: tekan Ctrl+C untuk menyalin.";
    }
  });
}
