import { ProblemException } from '../http/problem';
import { validationPipe } from '../http/validation';
import { PlanContentDto, StartRevisionDto } from './plan.dto';
import { PlanSheetContent, sheetProblem } from './plan-workbook';

const pipe = validationPipe();

/**
 * The sheet's content judged exactly as the JSON draft (or revision) body is, by the same DTO
 * through the same pipe; each error the pipe names by field is named again by its cell
 * (`Rencana Kinerja!H12: annualTarget must be a number, like 22.5`). A field with no cell (a
 * revision's reason) keeps its name.
 */
export async function validPlanContent<T extends PlanContentDto>(
  content: PlanSheetContent,
  revision: { reasonCategory?: string; reason?: string } | null,
): Promise<T> {
  const metatype = revision ? StartRevisionDto : PlanContentDto;
  try {
    return (await pipe.transform({ ...content.body, ...(revision ?? {}) }, { type: 'body', metatype })) as T;
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    const fields = (error.problem.errors ?? []).map(({ field, message }) => {
      const cell = content.cells.get(field);
      return { field: cell ? `${content.sheet}!${cell}` : field, message };
    });
    throw sheetProblem(fields);
  }
}
