interface ImportMetaEnv {
  /** Where the content pipeline wrote the rendered articles (set by the backstoryContent integration). */
  readonly BACKSTORY_RENDERED_DIR: string;
}
