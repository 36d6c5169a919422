/**
 * On iOS every browser is WebKit, which deletes a site's storage after 7 days without a visit; a
 * web app added to the home screen is exempt. True when the inspector should be asked to install.
 * iPadOS reports itself as a Mac, told apart by its touch screen.
 */
export function needsIosInstall(input: {
  userAgent: string;
  maxTouchPoints: number;
  isStandalone: boolean;
}): boolean {
  if (input.isStandalone) return false;
  const isIPhoneOrIPod = /iPhone|iPod/.test(input.userAgent);
  const isIPad =
    /iPad/.test(input.userAgent) || (/Macintosh/.test(input.userAgent) && input.maxTouchPoints > 1);
  return isIPhoneOrIPod || isIPad;
}
