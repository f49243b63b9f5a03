/**
 * The index over one fact base: subjects by name, the subject hierarchy, measures by term,
 * observations by measure (and by publication date), roles by person, the segmenter's user
 * dictionary; built once per FactBase, and the values every later stage derives from it.
 */
export { DerivedValue, withPeople, measureValues, indexOf, indexSteps, STEP_ITEMS, publishedBy, ancestry, subjectsCompatible, districtOf, measureSubjects, type IndexedObservation, type FactIndex, type MeasureValues } from './factIndex';
