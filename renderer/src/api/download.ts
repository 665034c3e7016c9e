// Browser mode: the back end has written the export (a brief or a bundle); the browser fetches it from its same-origin
// address (GET /exports/:id, a ticket for this one file in the query) and saves it as a download.
// The bytes go straight from the server to the download manager, never through this page's memory.
export function downloadExport(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  // The server names the file (Content-Disposition); the attribute only makes this a download.
  a.download = '';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}
