import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, ApiPageResponse, CurrentUser, IdParamDto, Page, Principal } from '@app/common';
import {
  ChangePasswordDto,
  CreateUserDto,
  ListUsersQueryDto,
  MeResponse,
  UpdateUserDto,
  UserResponse,
} from './user.dto';
import { UsersService } from './users.service';

@ApiTags('Người dùng')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @Access('authenticated')
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() user: Principal): Promise<MeResponse> {
    return this.users.me(user);
  }

  @Post('me/password')
  @HttpCode(204)
  @Access('authenticated')
  changePassword(@CurrentUser() user: Principal, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.users.changeOwnPassword(user, dto);
  }

  @Get()
  @Access('admin')
  @ApiPageResponse(UserResponse)
  list(@CurrentUser() user: Principal, @Query() query: ListUsersQueryDto): Promise<Page<UserResponse>> {
    return this.users.list(user, query);
  }

  @Post()
  @Access('admin')
  @ApiCreatedResponse({ type: UserResponse })
  create(@CurrentUser() user: Principal, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(user, dto);
  }

  @Get(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: UserResponse })
  get(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<UserResponse> {
    return this.users.get(user, params.id);
  }

  @Patch(':id')
  @Access('admin')
  @ApiOkResponse({ type: UserResponse })
  update(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.users.update(user, params.id, dto);
  }
}
