/**
 * Hands a file to the browser's downloads, as a link the reader clicked would. The Blob URL is revoked
 * a minute later: revoking at once cancels the download in some browsers.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
