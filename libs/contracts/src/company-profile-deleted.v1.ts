import { IsInt, IsUUID, Min } from 'class-validator';

/** `CompanyProfileDeleted` on `companies.company-profiles.v1`. */
export class CompanyProfileDeletedV1 {
  @IsUUID()
  id!: string;

  @IsInt()
  @Min(1)
  version!: number;
}
