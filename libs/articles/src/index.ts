export * from './article.entity';
export * from './category.entity';
export * from './article.dto';
export { ArticlesService, WORKFLOW, articleUrl } from './articles.service';
export { ArticlesRepository } from './articles.repository';
export { CategoriesService, DEFAULT_CATEGORIES } from './categories.service';
export { ArticlesModule } from './articles.module';
export { sanitizeBody, bodyText } from './sanitize';
export { slugFromTitle } from './slug';
