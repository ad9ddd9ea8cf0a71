import { editorConfig } from '../src/workspace/scene/config.js';

/** An imageannotation task with boxes (two labels, a parent with subchoices), polygons and attributes. */
export const imageTask = {
  type: 'imageannotation',
  instruction: 'Draw a box around every vehicle.',
  params: {
    attachment: 'https://example.com/street.jpg',
    geometries: {
      box: { objects_to_annotate: ['car', { choice: 'person', subchoices: ['adult', 'child'] }], min_width: 5, min_height: 5 },
      polygon: { objects_to_annotate: ['road'], min_vertices: 3, max_vertices: 5 },
      line: { objects_to_annotate: ['lane'] },
    },
    annotation_attributes: {
      occluded: { type: 'category', choices: ['yes', 'no'] },
      occlusion: { type: 'number', min: 0, max: 100, conditions: { attribute_conditions: [{ occluded: 'yes' }] } },
      plate: { type: 'text', conditions: { label_condition: { label: 'car' } } },
    },
  },
};

export const config = editorConfig(imageTask);
