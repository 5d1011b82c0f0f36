/** Articles per page of the article list (the home page is the first). */
export const ARTICLES_PAGE_SIZE = 30;
