/** Where the portal's page for the survey is, with what happened to the answer. */
export const surveyPageHref = (surveyCode: string, outcome?: 'terkirim' | 'galat', lang?: string) => {
  const query = new URLSearchParams({ ...(outcome ? { [outcome]: '1' } : {}), ...(lang === 'en' ? { lang } : {}) }).toString();
  return `/survei/${surveyCode}${query ? `?${query}` : ''}`;
};
