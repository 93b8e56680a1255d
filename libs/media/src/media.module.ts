import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import { UnitsModule } from '@app/units';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { ImagesController } from './images.controller';
import { ImagesService } from './images.service';
import { LocalMediaStorage, MediaStorage } from './media-storage';

@Module({
  imports: [UnitsModule],
  controllers: [ImagesController, FilesController],
  providers: [
    {
      provide: MediaStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalMediaStorage(config.mediaDir),
    },
    ImagesService,
    FilesService,
  ],
  exports: [MediaStorage, ImagesService, FilesService],
})
export class MediaModule {}
