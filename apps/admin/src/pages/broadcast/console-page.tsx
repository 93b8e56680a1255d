/** Điều khiển phát: built in the next commit. */
export default function ConsolePage() {
  return null;
}
