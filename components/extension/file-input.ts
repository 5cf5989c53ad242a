/**
 * The change handler of a file input: hands the chosen file to `take` and clears the input, so that
 * choosing the same file again (after fixing it) is a change too.
 */
export function onFileChosen(take: (file: File) => void): (event: Event) => void {
  return (event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) take(file);
  };
}
