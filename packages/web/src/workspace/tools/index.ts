import { boxTool, cuboidTool, ellipseTool, lineTool, pointTool, polygonTool } from './draw-tools.js';
import { selectTool } from './select-tool.js';
import type { Tool, ToolName } from './types.js';

export const tools: Readonly<Record<ToolName, Tool>> = {
  select: selectTool,
  box: boxTool,
  polygon: polygonTool,
  line: lineTool,
  point: pointTool,
  ellipse: ellipseTool,
  cuboid: cuboidTool,
};

export type { Tool, ToolContext, ToolEvent, ToolName, ToolResult, ToolState } from './types.js';
export { idle } from './types.js';
