export interface FormMessageValue {
  text: string;
  isError: boolean;
}

/** The result line under a form: a status for success or progress, an alert for a refusal. */
export function FormMessage({ message }: { message: FormMessageValue | null }) {
  return (
    <p className={message?.isError ? 'form-message is-error' : 'form-message'} role={message?.isError ? 'alert' : 'status'}>
      {message?.text ?? ''}
    </p>
  );
}
