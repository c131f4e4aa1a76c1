import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton({ className = "" }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={`min-h-11 rounded-md px-3 py-2 text-sm font-semibold underline-offset-4 hover:underline ${className}`}>
        Se déconnecter
      </button>
    </form>
  );
}
