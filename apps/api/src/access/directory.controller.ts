import {
  Body,
  ConflictException,
  Controller,
  Get,
  NotFoundException,
  Param,
  Patch,
  Post,
  BadRequestException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Length, Matches } from 'class-validator';
import { Directory } from '@app/access';
import { AGENCY_KINDS, ROLES, type AgencyKind, type Role } from '@app/access';
import { administrationPolicies } from '@app/access';
import { Policy } from './policy.decorator';

const ID = /^[a-z0-9][a-z0-9.-]{1,62}$/;

export class NewAgency {
  @Matches(ID, { message: 'agencyId must be lower-case letters, digits, dots and hyphens (2-63)' })
  agencyId!: string;

  @IsString()
  @Length(2, 200)
  name!: string;

  @IsIn(AGENCY_KINDS)
  kind!: AgencyKind;
}

export class NewUser {
  @Matches(ID, { message: 'userId must be lower-case letters, digits, dots and hyphens (2-63)' })
  userId!: string;

  @IsString()
  @Length(2, 200)
  displayName!: string;

  @IsIn(ROLES)
  role!: Role;

  @Matches(ID, { message: 'agencyId must name an agency of the directory' })
  agencyId!: string;
}

export class UserStatus {
  @IsBoolean()
  active!: boolean;
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(private readonly directory: Directory) {}

  @Get('agencies')
  @Policy(administrationPolicies.viewDirectory)
  agencies() {
    return this.directory.agencies();
  }

  @Post('agencies')
  @Policy(administrationPolicies.manageDirectory)
  async addAgency(@Body() agency: NewAgency) {
    if (!(await this.directory.addAgency(agency)))
      throw new ConflictException({
        rule: 'directory.agency-exists',
        message: `Agency ${agency.agencyId} already exists`,
        field: 'agencyId',
      });
    return agency;
  }

  @Get('users')
  @Policy(administrationPolicies.viewDirectory)
  users() {
    return this.directory.users();
  }

  @Post('users')
  @Policy(administrationPolicies.manageDirectory)
  async addUser(@Body() user: NewUser) {
    if (!(await this.directory.agencyExists(user.agencyId))) {
      throw new BadRequestException({
        rule: 'directory.unknown-agency',
        message: `No agency ${user.agencyId}`,
        field: 'agencyId',
      });
    }
    if (!(await this.directory.addUser(user)))
      throw new ConflictException({
        rule: 'directory.user-exists',
        message: `User ${user.userId} already exists`,
        field: 'userId',
      });
    return user;
  }

  @Patch('users/:userId')
  @Policy(administrationPolicies.manageDirectory)
  async setStatus(@Param('userId') userId: string, @Body() status: UserStatus) {
    if (!(await this.directory.setActive(userId, status.active)))
      throw new NotFoundException({ message: `No user ${userId}`, field: 'userId' });
    return { userId, active: status.active };
  }
}
