import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, JobHandler } from '@app/queue';
import { ArticlesService } from './articles.service';

/** Publishes approved articles whose `publishAt` has passed (enqueued by the worker's minute tick). */
@Injectable()
@HandlesJob('articles.publish-due')
export class PublishDueJob implements JobHandler<'articles.publish-due'> {
  private readonly logger = new Logger('PublishDue');

  constructor(private readonly articles: ArticlesService) {}

  async handle(): Promise<void> {
    const published = await this.articles.publishDue();
    if (published > 0) {
      this.logger.log({ published }, 'Đã đăng các bài hẹn giờ');
    }
  }
}
