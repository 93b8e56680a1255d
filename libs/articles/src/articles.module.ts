import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvidenceModule } from '@app/evidence';
import { MediaModule } from '@app/media';
import { UnitsModule } from '@app/units';
import { Article, ArticleCategory, ArticleRevision } from './article.entity';
import { ArticlesController } from './articles.controller';
import { ArticlesRepository } from './articles.repository';
import { ArticleUnitActions, ArticlesService } from './articles.service';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';
import { Category } from './category.entity';
import { PublishDueJob } from './publish-due.job';

@Module({
  imports: [
    TypeOrmModule.forFeature([Article, ArticleCategory, ArticleRevision, Category]),
    UnitsModule,
    EvidenceModule,
    MediaModule,
  ],
  controllers: [ArticlesController, CategoriesController],
  providers: [ArticlesRepository, ArticlesService, ArticleUnitActions, CategoriesService, PublishDueJob],
  exports: [ArticlesService, ArticlesRepository, CategoriesService],
})
export class ArticlesModule {}
